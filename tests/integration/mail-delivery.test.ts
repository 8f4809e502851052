import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDue, resendTransport, type Transport } from "~/platform/mail/deliver.server";
import { enqueueMail } from "~/platform/mail/outbox.server";
import { asService } from "~/platform/db/transaction.server";
import { statementCount } from "~/platform/db/sql.server";
import { startFakeResend } from "../support/fake-resend";

let resend: Awaited<ReturnType<typeof startFakeResend>>;
let transport: Transport;

beforeAll(async () => {
  resend = await startFakeResend();
  transport = resendTransport("re_test_key", resend.url);
});
afterAll(() => resend.close());
beforeEach(async () => {
  await asService((tx) => tx`delete from public.email_outbox`);
  resend.requests.length = 0;
  resend.delivered.length = 0;
});

const queue = (to: string) =>
  asService((tx) => enqueueMail(tx, to, "welcome", { locale: "vi", name: "Lan", url: "http://localhost:3000/" }));

const row = async (id: string) =>
  (await asService((tx) => tx<{ status: string; attempts: number; due_in: number; last_error: string | null }[]>`
    select status, attempts, extract(epoch from next_attempt_at - now())::int as due_in, last_error
      from public.email_outbox where id = ${id}`))[0]!;

/** Time passes: the retry comes due. */
const makeDue = () => asService((tx) => tx`update public.email_outbox set next_attempt_at = now() where status = 'pending'`);

describe("outbox delivery through Resend", () => {
  it("claims due mails in one statement and marks each sent in one, each committed by itself", async () => {
    const ids = [await queue("one@example.test"), await queue("two@example.test")];
    const before = statementCount();
    expect(await deliverDue(transport)).toBe(2);
    expect(statementCount() - before).toBe(3); // the claim, then one mark a mail (was 4 + 4 each: BEGIN, settings, COMMIT)
    for (const id of ids) expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(resend.delivered.map((m) => m.to).sort()).toEqual(["one@example.test", "two@example.test"]);
  });

  it("delivers a mail whose first attempt failed exactly once, after the backoff", async () => {
    const id = await queue("lan@example.test");
    resend.next("fail-500");
    expect(await deliverDue(transport)).toBe(0);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1 });
    expect((await row(id)).due_in).toBeGreaterThan(20); // backoff, not a hot loop
    expect(await deliverDue(transport)).toBe(0); // not due yet
    await makeDue();
    expect(await deliverDue(transport)).toBe(1);
    expect(await deliverDue(transport)).toBe(0);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    expect(resend.delivered).toHaveLength(1);
    expect(resend.delivered[0]).toMatchObject({ to: "lan@example.test", subject: "Chào mừng đến Vùng Đổi mới Sáng tạo Bình Dương" });
    // Both attempts carried the same idempotency key.
    expect(new Set(resend.requests.map((r) => r.key)).size).toBe(1);
  });

  it("never sends twice when Resend accepted the mail but the answer was lost", async () => {
    const id = await queue("huy@example.test");
    resend.next("lose-response");
    expect(await deliverDue(transport)).toBe(0);
    await makeDue();
    expect(await deliverDue(transport)).toBe(1);
    expect(resend.requests).toHaveLength(2);
    expect(resend.delivered).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent" });
  });

  it("honours Resend's retry-after on 429", async () => {
    const id = await queue("busy@example.test");
    resend.next("rate-limit");
    await deliverDue(transport);
    const after = await row(id);
    expect(after.status).toBe("pending");
    expect(after.due_in).toBeGreaterThanOrEqual(6);
    expect(after.due_in).toBeLessThanOrEqual(7);
  });

  it("gives up at once on a mail Resend calls invalid, and keeps it visible as failed", async () => {
    const id = await queue("broken@example.test");
    resend.next("invalid");
    await deliverDue(transport);
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await row(id)).last_error).toMatch(/validation_error/);
  });

  it("lets concurrent workers share the queue without sending any mail twice", async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => queue(`person${i}@example.test`)));
    const sent = await Promise.all([deliverDue(transport, 7), deliverDue(transport, 7), deliverDue(transport, 7), deliverDue(transport, 7), deliverDue(transport, 7)]);
    let total = sent.reduce((a, b) => a + b, 0);
    while (total < ids.length) total += await deliverDue(transport);
    expect(total).toBe(30);
    expect(resend.requests).toHaveLength(30);
    expect(new Set(resend.delivered.map((d) => d.to)).size).toBe(30);
  });

  it("picks up a mail whose worker died mid-send once its lease runs out, with the same key", async () => {
    const id = await queue("orphan@example.test");
    // A worker claimed it and was killed before recording the outcome.
    await asService((tx) => tx`update public.email_outbox set status = 'sending', attempts = 1, locked_until = now() + interval '1 minute' where id = ${id}`);
    expect(await deliverDue(transport)).toBe(0); // still leased
    await asService((tx) => tx`update public.email_outbox set locked_until = now() - interval '1 second' where id = ${id}`);
    expect(await deliverDue(transport)).toBe(1);
    expect(resend.requests[0]!.key).toBe(`outbox-${id}`);
  });

  it("queues no mail when the change it belongs to rolls back", async () => {
    await expect(
      asService(async (tx) => {
        await enqueueMail(tx, "ghost@example.test", "welcome", { locale: "en", name: "Ghost", url: "http://localhost:3000/" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await deliverDue(transport)).toBe(0);
    expect(resend.requests).toHaveLength(0);
  });
});
