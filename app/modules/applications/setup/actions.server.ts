import { data } from "@remix-run/node";
import type { Claims } from "~/platform/db/transaction.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formToObject, type Outcome } from "~/platform/http/form.server";

/**
 * What a set-up action answers: which form it was for (intent and target id, so several forms on
 * one page each show only their own errors), field errors with status 400, or "saved".
 * Forbidden and missing things become 403/404 pages through withOutcomes.
 */
export async function answer<T>(intent: string, id: string | null, input: Record<string, unknown>, work: () => Promise<Outcome<T>>) {
  const result = await withOutcomes(work);
  // A refused form comes back with what was typed, so nothing is lost even without JavaScript.
  if (!result.ok) return data({ intent, id, errors: result.errors, message: null as string | null, values: input }, { status: 400 });
  return data({ intent, id, errors: null as Record<string, string> | null, message: "setup.saved" as string | null, values: null });
}

export const intentOf = (form: FormData) => String(form.get("intent") ?? "");
export const targetOf = (form: FormData) => {
  const id = form.get("id");
  return typeof id === "string" && id ? id : null;
};

type Command = (claims: Claims, callId: string, input: unknown) => Promise<Outcome<unknown>>;

/**
 * A set-up page's action: the command its form names in `intent`, run for the call in the URL
 * and answered as above. An intent the page does not have is a 400. The route reads the request
 * (who is asking, the posted form); modules never see HTTP.
 */
export async function runCommand(claims: Claims, callId: string, form: FormData, commands: Record<string, Command>) {
  const intent = intentOf(form);
  const command = Object.hasOwn(commands, intent) ? commands[intent] : undefined;
  if (!command) throw data(null, { status: 400 });
  const input = formToObject(form);
  return { intent, result: await answer(intent, targetOf(form), input, () => command(claims, callId, input)) };
}
