import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export const FAKE_STRIPE_KEY = "sk_test_fake_key";
export const FAKE_WEBHOOK_SECRET = "whsec_fake_secret_for_tests";

export type FakeSession = {
  id: string;
  object: "checkout.session";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  currency: string;
  amount_total: number;
  expires_at: number;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  url: string | null;
  mode: string;
};

/**
 * A stand-in for the few Stripe endpoints we call (Checkout Sessions: create, retrieve, expire),
 * at the HTTP boundary, for the real `stripe` SDK (pointed here with STRIPE_API_BASE). Like
 * Stripe it wants the secret key, honours Idempotency-Key, checks Checkout's expiry window (30
 * minutes to 24 hours ahead) and expires only open sessions. `pay` is the buyer paying on
 * Stripe's page; `event` builds a webhook signed with the SDK's own test-header helper.
 */
export async function startFakeStripe() {
  const sessions = new Map<string, FakeSession>();
  const byKey = new Map<string, string>();
  const requests: { method: string; path: string }[] = [];

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const json = (status: number, data: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(data));
    const fail = (status: number, message: string) => json(status, { error: { type: "invalid_request_error", message } });
    const path = (req.url ?? "").split("?")[0]!;
    requests.push({ method: req.method ?? "", path });
    const page = /^\/checkout\/(cs_test_\w+)$/.exec(path);
    if (page && webhookUrl) return checkoutPage(req, res, page[1]!);
    if (req.headers.authorization !== `Bearer ${FAKE_STRIPE_KEY}`) return fail(401, "Invalid API Key provided");
    const form = new URLSearchParams(body);
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      const key = req.headers["idempotency-key"] as string | undefined;
      const known = key ? byKey.get(key) : undefined;
      if (known) return json(200, sessions.get(known));
      const now = Math.floor(Date.now() / 1000);
      const expiresAt = Number(form.get("expires_at") ?? now + 86400);
      if (expiresAt < now + 1800 || expiresAt > now + 86400) return fail(400, "expires_at must be between 30 minutes and 24 hours from now");
      const amount = form.get("line_items[0][price_data][unit_amount]");
      if (!amount || !/^\d+$/.test(amount)) return fail(400, "unit_amount must be a whole number in the currency's smallest unit");
      const id = `cs_test_${randomBytes(12).toString("hex")}`;
      const metadata: Record<string, string> = {};
      for (const [k, v] of form) {
        const m = /^metadata\[(\w+)\]$/.exec(k);
        if (m) metadata[m[1]!] = v;
      }
      const session: FakeSession = {
        id,
        object: "checkout.session",
        status: "open",
        payment_status: "unpaid",
        currency: form.get("line_items[0][price_data][currency]") ?? "",
        amount_total: Number(amount) * Number(form.get("line_items[0][quantity]") ?? 1),
        expires_at: expiresAt,
        client_reference_id: form.get("client_reference_id"),
        metadata,
        success_url: form.get("success_url") ?? "",
        cancel_url: form.get("cancel_url") ?? "",
        // with a webhook target (a browser test), the buyer pays on this fake's own checkout page
        url: webhookUrl ? `http://127.0.0.1:${port}/checkout/${id}` : `https://checkout.stripe.test/c/pay/${id}`,
        mode: form.get("mode") ?? "",
      };
      sessions.set(id, session);
      if (key) byKey.set(key, id);
      return json(200, session);
    }
    const one = /^\/v1\/checkout\/sessions\/(cs_test_\w+)(\/expire)?$/.exec(path);
    const session = one ? sessions.get(one[1]!) : undefined;
    if (!one || !session) return fail(404, "No such checkout.session");
    if (req.method === "GET" && !one[2]) return json(200, session);
    if (req.method === "POST" && one[2]) {
      if (session.status !== "open") return fail(400, `Only Checkout Sessions with a status of open can be expired. This session has a status of ${session.status}.`);
      Object.assign(session, { status: "expired", url: null });
      return json(200, session);
    }
    return fail(404, "Unrecognized request URL");
  });
  let webhookUrl: string | null = null;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const sdk = new Stripe(FAKE_STRIPE_KEY);

  /**
   * Stripe's hosted checkout, reduced to one button: GET shows the amount, POST pays, sends the
   * signed `checkout.session.completed` webhook to the app (as Stripe does, before the buyer is
   * back) and redirects the buyer to the session's success URL.
   */
  async function checkoutPage(req: IncomingMessage, res: ServerResponse, id: string) {
    const session = sessions.get(id);
    if (!session || session.status === "expired") return res.writeHead(404, { "content-type": "text/plain" }).end("This checkout has expired.");
    if (req.method === "GET") {
      return res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><html lang="en"><head><title>Fake Stripe Checkout</title></head><body><main><h1>Fake Stripe Checkout</h1>` +
            `<p>${session.amount_total} ${session.currency.toUpperCase()}</p><form method="post"><button type="submit">Pay</button></form></main></body></html>`,
        );
    }
    if (req.method !== "POST") return res.writeHead(405).end();
    fake.pay(id);
    const e = fake.event("checkout.session.completed", id);
    await fetch(webhookUrl!, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": e.header }, body: e.payload });
    return res.writeHead(303, { location: session.success_url }).end();
  }

  const fake = {
    /** Browser tests: Checkout URLs open this fake's own page, whose Pay button sends the signed webhook here. */
    sendWebhooksTo(url: string) {
      webhookUrl = url;
    },
    url: `http://127.0.0.1:${port}`,
    env: { STRIPE_SECRET_KEY: FAKE_STRIPE_KEY, STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET, STRIPE_API_BASE: `http://127.0.0.1:${port}` },
    sessions,
    requests,
    /** The buyer pays on Stripe's page. */
    pay(sessionId: string) {
      const session = sessions.get(sessionId)!;
      Object.assign(session, { status: "complete", payment_status: "paid", url: null });
      return session;
    },
    /**
     * A webhook as Stripe sends it: the body and its Stripe-Signature header (made with the SDK's
     * test helper; `signedAt` in seconds moves the timestamp, `secret` signs with another key).
     */
    event(type: string, sessionId: string, opts: { id?: string; signedAt?: number; secret?: string } = {}) {
      const payload = JSON.stringify({
        id: opts.id ?? `evt_test_${randomBytes(12).toString("hex")}`,
        object: "event",
        api_version: "2025-01-01",
        created: Math.floor(Date.now() / 1000),
        type,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        data: { object: { ...(sessions.get(sessionId) ?? { id: sessionId, object: "checkout.session" }) } },
      });
      const header = sdk.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? FAKE_WEBHOOK_SECRET, timestamp: opts.signedAt });
      return { payload, header };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
