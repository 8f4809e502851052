import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveStripeWebhook } from "~/platform/payments/webhook.server";

// Stripe's webhook: exempt from the origin check (app/platform/http/security.server.ts), proven by
// its signature over the raw body instead. 200 only once the event's effect has committed.
export async function action({ request }: ActionFunctionArgs) {
  const answer = await receiveStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
