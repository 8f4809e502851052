import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { startAppServer } from "../support/app-server";
import { decodeEntities, signIn } from "../support/http-client";
import { startFakeStripe } from "../support/fake-stripe";

// The payment routes on the real server (production build), sharing this file's database, with
// the Stripe SDK pointed at the local fake: Stripe's webhook gets past the origin check (and is
// held to its signature instead) while every other post from another site is still refused; a
// payment's page shows its payer how to pay and its organisation's staff how to confirm.
let app: Awaited<ReturnType<typeof startAppServer>>;
let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let payer: TestUser;
let staff: TestUser;
let stranger: TestUser;
let transferId: string;
let cardId: string;
const cookies = new Map<TestUser, string>();

const page = async (user: TestUser, path: string) => {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { cookie: cookies.get(user)! }, redirect: "manual" });
  return { status: res.status, html: decodeEntities(await res.text()) };
};
const webhook = (body: string, headers: Record<string, string>) =>
  fetch(`${app.baseUrl}/webhooks/stripe`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const eventsStored = async () => (await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.stripe_events`))[0]!.n;

beforeAll(async () => {
  fake = await startFakeStripe();
  [payer, staff, stranger] = await Promise.all([createUser({ locale: "en" }), createUser({ locale: "en" }), createUser({ locale: "en" })]);
  const orgId = (await createOrg()).id;
  await addMember(orgId, staff.id, "staff");
  [transferId, cardId] = await asService(async (tx) => {
    const insert = (method: string, extra: string) =>
      tx.unsafe(
        `insert into public.payments (kind, reference, org_id, payer_id, description, amount_vnd, method, deadline, ${extra})
         values ('test_seat', gen_random_uuid(), $1, $2, 'Forum ticket', 350000, $3, now() + interval '1 hour', $4) returning id`,
        [orgId, payer.id, method, method === "card" ? "https://checkout.stripe.test/c/pay/cs_test_page" : "BDIHTTPTEST"],
      );
    return [(await insert("bank_transfer", "bank_reference"))[0]!.id as string, (await insert("card", "checkout_url"))[0]!.id as string];
  });
  app = await startAppServer(inject("pgAdminUrl"), { UPLOAD_DIR: process.env.UPLOAD_DIR!, SEED: "false", ...fake.env }, process.env.DATABASE_URL);
  for (const u of [payer, staff, stranger]) cookies.set(u, await signIn(app, u.email, u.password));
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe("Stripe's webhook over HTTP", () => {
  it("is held to its signature, not to the origin check, and answers 200 once recorded", async () => {
    const signed = fake.event("checkout.session.expired", "cs_test_nobody_knows"); // a session of another app on the account
    expect((await webhook(signed.payload, { "stripe-signature": "t=1,v1=forged" })).status).toBe(400);
    expect((await webhook(signed.payload, {})).status).toBe(400);
    expect(await eventsStored()).toBe(0);
    const ok = await webhook(signed.payload, { "stripe-signature": signed.header });
    expect(ok.status).toBe(200);
    expect(await eventsStored()).toBe(1);
  });

  it("leaves every other post from another site refused", async () => {
    const res = await fetch(`${app.baseUrl}/payments/${transferId}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.get(staff)!, origin: "https://evil.example" },
      body: "intent=confirm",
    });
    expect(res.status).toBe(403);
    const near = await fetch(`${app.baseUrl}/webhooks/stripe/x`, { method: "POST", body: "{}" });
    expect(near.status).toBe(403);
  });
});

describe("a payment's page", () => {
  it("shows the payer the account, the reference and the VietQR code of a transfer", async () => {
    const { status, html } = await page(payer, `/payments/${transferId}`);
    expect(status).toBe(200);
    expect(html).toContain("BDIHTTPTEST");
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="VietQR code for this transfer"/);
    expect(html).not.toContain("Mark as received");
  });

  it("offers the receiving organisation's staff to confirm it, and hides it from anyone else", async () => {
    expect((await page(staff, `/payments/${transferId}`)).html).toContain("Mark as received");
    expect((await page(stranger, `/payments/${transferId}`)).status).toBe(404);
  });

  it("sends a card payer to Stripe's checkout", async () => {
    const { html } = await page(payer, `/payments/${cardId}`);
    expect(html).toContain('href="https://checkout.stripe.test/c/pay/cs_test_page"');
  });
});
