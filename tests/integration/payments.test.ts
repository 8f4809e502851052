import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asService, asUser } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { tFor } from "~/platform/i18n/i18n";
import { confirmBankTransfer, startBankTransfer } from "~/platform/payments/bank.server";
import { CardPaymentsOff, startCardPayment } from "~/platform/payments/checkout.server";
import { registerPaymentKind, type Payment } from "~/platform/payments/kinds.server";
import { paymentMethods, paymentPage } from "~/platform/payments/page.server";
import { receiveStripeWebhook } from "~/platform/payments/webhook.server";
import { crc16, vietQrPayload } from "~/platform/payments/vietqr";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { startFakeStripe } from "../support/fake-stripe";
import { runScheduled } from "../support/jobs";

// Payments as a capability uses them, through a kind registered here ("test_seat": one seat per
// reference, which the test can give away), against the real Stripe SDK talking to a local fake
// of Stripe's API and webhooks signed with the SDK's own helper. No capability is involved.

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let payer: TestUser;
let staff: TestUser;
let stranger: TestUser;
let orgId: string;

const calls: { paid: string[]; expired: string[] } = { paid: [], expired: [] };
const seatTaken = new Set<string>(); // references whose seat went to someone else after their hold lapsed
registerPaymentKind("test_seat", {
  onPaid: async (_tx, p: Payment) => {
    calls.paid.push(p.id);
    return seatTaken.has(p.reference) ? "cannot_fulfil" : "fulfilled";
  },
  onExpired: async (_tx, p: Payment) => {
    calls.expired.push(p.id);
  },
});

const useStripe = (on: boolean) => {
  for (const [k, v] of Object.entries(fake.env)) process.env[k] = on ? v : "";
  resetEnv();
};

beforeAll(async () => {
  fake = await startFakeStripe();
  [payer, staff, stranger] = await Promise.all([createUser(), createUser(), createUser()]);
  orgId = (await createOrg()).id;
  await addMember(orgId, staff.id, "staff");
});
afterAll(async () => {
  useStripe(false);
  await fake.close();
});
beforeEach(() => {
  useStripe(true);
  calls.paid.length = 0;
  calls.expired.length = 0;
});

const order = (minutes = 60) => ({
  kind: "test_seat",
  reference: crypto.randomUUID(),
  orgId,
  payerId: payer.id,
  description: "Forum ticket",
  amountVnd: 350000,
  deadline: new Date(Date.now() + minutes * 60_000),
});
const URLS = { successUrl: "http://localhost/ok", cancelUrl: "http://localhost/cancel" };
const card = (minutes?: number) => asUser(payer.claims, (tx) => startCardPayment(tx, order(minutes), URLS));
const statusOf = async (id: string) => (await asService((tx) => tx<{ status: string }[]>`select status from public.payments where id = ${id}`))[0]!.status;
const storedEvents = async (id: string) => (await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.stripe_events where payment_id = ${id}`))[0]!.n;
const deliver = (e: { payload: string; header: string }) => receiveStripeWebhook(e.payload, e.header);

describe("card payment through Stripe Checkout", () => {
  it("opens a Checkout Session in VND (whole đồng) that expires at the hold's deadline", async () => {
    const payment = await card(45);
    const session = fake.sessions.get(payment.stripeSessionId!)!;
    expect(session).toMatchObject({ currency: "vnd", amount_total: 350000, mode: "payment", client_reference_id: payment.id, status: "open" });
    expect(session.expires_at).toBe(Math.floor(payment.deadline.getTime() / 1000));
    expect(payment.checkoutUrl).toBe(session.url);
    expect(await statusOf(payment.id)).toBe("pending");
  });

  it("records a completed checkout as paid and tells the capability once", async () => {
    const payment = await card();
    fake.pay(payment.stripeSessionId!);
    expect(await deliver(fake.event("checkout.session.completed", payment.stripeSessionId!))).toEqual({ status: 200, body: "ok" });
    expect(await statusOf(payment.id)).toBe("paid");
    expect(calls.paid).toEqual([payment.id]);
  });

  it("refuses a bad or stale signature and writes nothing", async () => {
    const payment = await card();
    fake.pay(payment.stripeSessionId!);
    const forged = fake.event("checkout.session.completed", payment.stripeSessionId!, { secret: "whsec_someone_else" });
    const stale = fake.event("checkout.session.completed", payment.stripeSessionId!, { signedAt: Math.floor(Date.now() / 1000) - 600 });
    const good = fake.event("checkout.session.completed", payment.stripeSessionId!);
    const tampered = { payload: good.payload.replace("350000", "1"), header: good.header };
    for (const e of [forged, stale, tampered, { payload: good.payload, header: "" }]) expect((await deliver(e)).status).toBe(400);
    expect(await statusOf(payment.id)).toBe("pending");
    expect(await storedEvents(payment.id)).toBe(0);
    expect(calls.paid).toEqual([]);
  });

  it("applies the same event once when Stripe delivers it five times, three of them at once", async () => {
    const payment = await card();
    fake.pay(payment.stripeSessionId!);
    const e = fake.event("checkout.session.completed", payment.stripeSessionId!);
    const together = await Promise.all([deliver(e), deliver(e), deliver(e)]);
    const after = [await deliver(e), await deliver(e)];
    expect([...together, ...after].map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(calls.paid).toEqual([payment.id]);
    expect(await statusOf(payment.id)).toBe("paid");
    expect(await storedEvents(payment.id)).toBe(1);
  });

  it("releases the hold once when Checkout expires, however many expiry events arrive", async () => {
    const payment = await card();
    await deliver(fake.event("checkout.session.expired", payment.stripeSessionId!));
    await deliver(fake.event("checkout.session.expired", payment.stripeSessionId!)); // a second, distinct event
    expect(await statusOf(payment.id)).toBe("expired");
    expect(calls.expired).toEqual([payment.id]);
  });

  it("keeps nothing when the capability fails: the event is not recorded, so Stripe's retry applies it", async () => {
    registerPaymentKind("test_flaky", {
      onPaid: async () => {
        if (calls.paid.push("flaky") === 1) throw new Error("capability down");
        return "fulfilled";
      },
      onExpired: async () => {},
    });
    const payment = await asUser(payer.claims, (tx) => startCardPayment(tx, { ...order(), kind: "test_flaky" }, URLS));
    fake.pay(payment.stripeSessionId!);
    const e = fake.event("checkout.session.completed", payment.stripeSessionId!);
    await expect(deliver(e)).rejects.toThrow(/capability down/);
    expect(await storedEvents(payment.id)).toBe(0);
    expect(await statusOf(payment.id)).toBe("pending");
    expect((await deliver(e)).status).toBe(200);
    expect(await statusOf(payment.id)).toBe("paid");
  });

  it("marks money that arrives after the hold lapsed and the seat went to someone else as refund_needed, never a second seat", async () => {
    const payment = await card(5);
    // the buyer pays at the last second; Stripe's webhook is late; the seat is given away
    fake.pay(payment.stripeSessionId!);
    seatTaken.add(payment.reference);
    await runScheduled("payments.expire", new Date(Date.now() + 6 * 60_000));
    expect(await statusOf(payment.id)).toBe("refund_needed");
    expect(calls.paid).toEqual([payment.id]);
    // the late webhook changes nothing more
    await deliver(fake.event("checkout.session.completed", payment.stripeSessionId!));
    expect(calls.paid).toEqual([payment.id]);
    expect(await statusOf(payment.id)).toBe("refund_needed");
  });
});

describe("the deadline sweep", () => {
  it("expires pending checkouts past their deadline at Stripe and here, once, and leaves the others", async () => {
    const due = await card(5);
    const later = await card(120);
    const at = new Date(Date.now() + 10 * 60_000);
    await runScheduled("payments.expire", at);
    await runScheduled("payments.expire", at);
    expect(await statusOf(due.id)).toBe("expired");
    expect(fake.sessions.get(due.stripeSessionId!)!.status).toBe("expired");
    expect(await statusOf(later.id)).toBe("pending");
    expect(fake.sessions.get(later.stripeSessionId!)!.status).toBe("open");
    expect(calls.expired).toEqual([due.id]);
  });
});

describe("without Stripe keys", () => {
  beforeEach(() => useStripe(false));

  it("card payment is off and says so in both languages; the webhook is not there", async () => {
    useStripe(true);
    const earlier = await card(); // made while the keys were there
    useStripe(false);
    expect((await paymentPage(payer.claims, earlier.id)).payment.checkoutUrl).toBeNull(); // the page says card payment is off
    expect(paymentMethods()).toEqual({ card: false, bankTransfer: true });
    await expect(card()).rejects.toBeInstanceOf(CardPaymentsOff);
    expect(tFor("vi")("payments.cardOff")).toMatch(/chuyển khoản/);
    expect(tFor("en")("payments.cardOff")).toMatch(/bank transfer/);
    expect((await receiveStripeWebhook("{}", "t=1,v1=x")).status).toBe(404);
  });

  it("bank transfer works: a reference and a VietQR code, confirmed by the organisation's staff only", async () => {
    const payment = await asUser(payer.claims, (tx) => startBankTransfer(tx, order()));
    expect(payment.bankReference).toMatch(/^BDI[A-Z2-9]{8}$/);
    const page = await paymentPage(payer.claims, payment.id);
    expect(page.mayConfirm).toBe(false);
    expect(page.transfer!.payload).toContain(`5406350000`);
    expect(page.transfer!.payload).toContain(`62150811${payment.bankReference}`);
    expect(crc16(page.transfer!.payload.slice(0, -4))).toBe(page.transfer!.payload.slice(-4));
    expect(Buffer.from(page.transfer!.qr.split(",")[1]!, "base64").toString()).toMatch(/^<svg/);
    await expect(paymentPage(stranger.claims, payment.id)).rejects.toThrow(/notFound/);

    expect(await confirmBankTransfer(stranger.claims, payment.id)).toBe("not_found");
    expect(await confirmBankTransfer(payer.claims, payment.id)).toBe("forbidden");
    expect(calls.paid).toEqual([]);
    expect((await paymentPage(staff.claims, payment.id)).mayConfirm).toBe(true);
    expect(await confirmBankTransfer(staff.claims, payment.id)).toBe("confirmed");
    expect(await confirmBankTransfer(staff.claims, payment.id)).toBe("not_pending");
    expect(calls.paid).toEqual([payment.id]);
    const [row] = await asService((tx) => tx`select status, settled_by from public.payments where id = ${payment.id}`);
    expect(row).toEqual({ status: "paid", settled_by: staff.id });
  });

  it("a transfer past its deadline expires; confirmed later for a seat that is gone, it needs a refund", async () => {
    const payment = await asUser(payer.claims, (tx) => startBankTransfer(tx, order(30)));
    await runScheduled("payments.expire", new Date(Date.now() + 31 * 60_000));
    expect(await statusOf(payment.id)).toBe("expired");
    expect(calls.expired).toEqual([payment.id]);
    seatTaken.add(payment.reference);
    expect(await confirmBankTransfer(staff.claims, payment.id)).toBe("refund_needed");
    expect(await statusOf(payment.id)).toBe("refund_needed");
  });

  it("one payment waits per order, and nobody writes payments from a request's own role", async () => {
    const o = order();
    await asUser(payer.claims, (tx) => startBankTransfer(tx, o));
    await expect(asUser(payer.claims, (tx) => startBankTransfer(tx, o))).rejects.toThrow();
    await expect(asUser(payer.claims, (tx) => tx`update public.payments set status = 'paid' where payer_id = ${payer.id}`)).rejects.toThrow();
  });
});

describe("the kind registry", () => {
  it("refuses a kind registered twice and payments of a kind nobody registered", async () => {
    expect(() => registerPaymentKind("test_seat", { onPaid: async () => "fulfilled", onExpired: async () => {} })).toThrow(/twice/);
    await expect(asUser(payer.claims, (tx) => startBankTransfer(tx, { ...order(), kind: "nobody_s" }))).rejects.toThrow(/No capability/);
  });
});

describe("the VietQR payload", () => {
  // Known-good payloads from public sources:
  // - the README of github.com/xuannghia/vietnam-qr-pay (npm vietnam-qr-pay), decoded there as
  //   BIN 970416, account 257678859, 1,000 VND, "Chuyen tien";
  // - NAPAS QR Switching v1.5.2, Part IV, the static QR to an account (BIN 970403, account
  //   0011012345678). The specification prints the account's length as 12 for its 13 digits (and
  //   a CRC of F4E5 over that typo); the compliance test of the vietqr-ts library corrects it to
  //   13 and 9E6F, which is what a bank app reads.
  const QR_PAY_README = "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8";
  const NAPAS_STATIC = "00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F";

  it("matches public examples byte for byte, CRC included", () => {
    expect(vietQrPayload({ bin: "970416", account: "257678859", amountVnd: 1000, purpose: "Chuyen tien" })).toBe(QR_PAY_README);
    expect(vietQrPayload({ bin: "970403", account: "0011012345678" })).toBe(NAPAS_STATIC);
    expect(crc16("123456789")).toBe("29B1"); // CRC-16/CCITT-FALSE's published check value
  });

  it("carries the amount and our reference, and refuses what a bank app would not read", () => {
    const payload = vietQrPayload({ bin: "970436", account: "0011000000000", amountVnd: 350000, purpose: "BDIABCDEFGH" });
    expect(payload).toBe(
      "000201" + "010212" + "38570010A00000072701270006970436011300110000000000208QRIBFTTA" + "5303704" + "5406350000" + "5802VN" + "62150811BDIABCDEFGH" + "6304" + crc16(payload.slice(0, -4)),
    );
    expect(() => vietQrPayload({ bin: "97043", account: "1" })).toThrow();
    expect(() => vietQrPayload({ bin: "970436", account: "1", purpose: "Vé hội thảo" })).toThrow();
    expect(() => vietQrPayload({ bin: "970436", account: "1", amountVnd: 0.5 })).toThrow();
  });
});
