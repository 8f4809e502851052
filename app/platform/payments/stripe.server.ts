import Stripe from "stripe";
import { env } from "~/platform/env.server";

// The Stripe SDK, configured from the environment, or null: without both keys card payment is off
// (pages say so) and bank transfer remains. STRIPE_API_BASE points the real SDK at a local fake
// in tests (tests/support/fake-stripe.ts); nothing else differs.

let cached: { key: string; client: Stripe } | undefined;

export function stripeClient(): Stripe | null {
  const { STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE } = env();
  if (!key || !STRIPE_WEBHOOK_SECRET) return null;
  if (cached?.key === key + (STRIPE_API_BASE ?? "")) return cached.client;
  const base = STRIPE_API_BASE ? new URL(STRIPE_API_BASE) : null;
  const client = new Stripe(key, {
    maxNetworkRetries: 2, // the SDK sends an idempotency key with each retried POST
    timeout: 20_000,
    ...(base ? { host: base.hostname, port: base.port, protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
  });
  cached = { key: key + (STRIPE_API_BASE ?? ""), client };
  return client;
}

export const cardPaymentsEnabled = () => stripeClient() !== null;
