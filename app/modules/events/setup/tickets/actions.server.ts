import { data } from "@remix-run/node";
import type { Claims } from "~/platform/db/transaction.server";
import { badInput, withOutcomes } from "~/platform/http/errors.server";
import { formToObject, type Outcome } from "~/platform/http/form.server";

// A set-up page's action: the command its form names in `intent`, run for the event in the URL.
// The answer names the form it belongs to (intent and target id), so several forms on one page
// each show only their own errors; a refusal is a 400 with what was typed, nothing written.

export type SetupAnswer = { intent: string; id: string | null; errors: Record<string, string> | null; message: string | null; values: Record<string, unknown> | null };
type Command = (claims: Claims, eventId: string, input: unknown) => Promise<Outcome<unknown>>;

export async function runSetupCommand(claims: Claims, eventId: string, form: FormData, commands: Record<string, Command>) {
  const intent = String(form.get("intent") ?? "");
  const command = Object.hasOwn(commands, intent) ? commands[intent] : undefined;
  if (!command) throw badInput();
  const input = formToObject(form);
  const id = typeof input.id === "string" && input.id ? input.id : null;
  const result = await withOutcomes(() => command(claims, eventId, input));
  if (!result.ok) return data<SetupAnswer>({ intent, id, errors: result.errors, message: null, values: input }, { status: 400 });
  const retired = (result.value as { retired?: boolean } | undefined)?.retired;
  const message = retired ? "events.ticketSetup.retired" : intent.startsWith("remove") ? "events.ticketSetup.removed" : "events.ticketSetup.saved";
  return data<SetupAnswer>({ intent, id, errors: null, message, values: null });
}
