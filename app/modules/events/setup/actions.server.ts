import { data } from "@remix-run/node";
import type { Claims } from "~/platform/db/transaction.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formToObject, type Outcome } from "~/platform/http/form.server";

// The organisers' actions answer alike: which form the answer is for (intent and target id, as
// several forms share a page), field errors with 400 and nothing written, or a message. Missing
// and forbidden things become 404/403 pages through withOutcomes; an intent the page lacks is a 400.

export type SetupAnswer = { intent: string; id: string | null; errors: Record<string, string> | null; message: string | null; values: Record<string, unknown> | null };

/** The 400 answer to a refused form, with what was typed, so nothing is lost without JavaScript either. */
export const refusal = (intent: string, id: string | null, errors: Record<string, string>, input: Record<string, unknown>) =>
  data<SetupAnswer>({ intent, id, errors, message: null, values: input }, { status: 400 });

export async function answer<T>(intent: string, id: string | null, input: Record<string, unknown>, work: () => Promise<Outcome<T>>, message = "events.setup.saved") {
  const result = await withOutcomes(work);
  if (!result.ok) return refusal(intent, id, result.errors, input);
  return data<SetupAnswer>({ intent, id, errors: null, message, values: null });
}

type Command = (claims: Claims, eventId: string, input: unknown) => Promise<Outcome<unknown>>;

export async function runCommand(claims: Claims, eventId: string, form: FormData, commands: Record<string, Command>) {
  const intent = String(form.get("intent") ?? "");
  const command = Object.hasOwn(commands, intent) ? commands[intent] : undefined;
  if (!command) throw data({ message: "errors.badInput" }, { status: 400 });
  const input = formToObject(form);
  const id = typeof input.id === "string" && input.id ? input.id : null;
  return answer(intent, id, input, () => command(claims, eventId, input));
}
