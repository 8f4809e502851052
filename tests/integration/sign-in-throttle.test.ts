import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changePassword, signIn } from "~/modules/identity/accounts.server";
import { CookieJar } from "~/platform/auth/cookie-jar.server";
import { MAX_ACCOUNTS_PER_ADDRESS, MAX_FAILURES_PER_ACCOUNT, addressKey } from "~/platform/auth/throttle.server";
import { asService } from "~/platform/db/transaction.server";
import { tFor } from "~/platform/i18n/i18n";
import "~/strings";
import { action as unlockAction, loader as unlockLoader } from "~/routes/auth.unlock";
import { createUser, linkIn, outboxFor } from "../support/factories";

// The sign-in throttle (OWASP ASVS 2.2.1) as an attacker and as the owner meet it. Each test uses
// addresses of its own, so the limits of one test never reach another.
const uid = () => randomBytes(3).toString("hex");
let addresses = 0;
const addressOf = () => `198.51.100.${++addresses}`;
const from = (ip: string, cookies?: CookieJar) => ({ ip, cookies });
const attempt = (email: string, password: string, client: { ip: string; cookies?: CookieJar }) =>
  signIn({ email, password, ip: client.ip, userAgent: "vitest" }, client.cookies ?? new CookieJar());
const checksOn = async (where: { email?: string; ip?: string }) => {
  const [row] = await asService(
    (tx) => tx<{ n: number }[]>`select count(*)::int as n from public.sign_in_attempts
                                  where (${where.email ?? null}::text is null or email = ${where.email ?? null})
                                    and (${where.ip ?? null}::text is null or ip = ${where.ip ?? null})`,
  );
  return row!.n;
};
const unlockMails = async (email: string) => (await outboxFor(email)).filter((m) => m.template === "sign-in-unlock");
const thrown = (promise: Promise<unknown>) => promise.then(() => null, (r: unknown) => r as Response);
const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://localhost:3000${path}`, { method: "POST", body: new URLSearchParams(fields) });
const context = { clientIp: "127.0.0.1", cspNonce: "", requestId: "test" };

/** The attacker's address fails on the account until it is throttled. */
async function throttle(email: string, ip: string) {
  for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
    expect(await attempt(email, `wrong-${i}-password`, from(ip))).toEqual({ ok: false, reason: "invalid" });
  }
}

/** Follows the mailed link as the owner's browser does: GET shows the button, POST uses it. */
async function followUnlockLink(mailText: string) {
  const url = new URL(linkIn(mailText, "/auth/unlock"));
  const token = url.searchParams.get("token")!;
  const shown = unlockLoader({ request: new Request(url), params: {}, context });
  expect(shown).toEqual({ token });
  const response = await thrown(unlockAction({ request: post("/auth/unlock", { token }), params: {}, context }));
  return { token, response };
}

const cookiesFrom = (response: Response) => new CookieJar(response.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; "));

describe("throttling per account and address", () => {
  it("lets the owner at another address sign in while an attacker's address is throttled", async () => {
    const owner = await createUser();
    const attacker = addressOf();
    await throttle(owner.email, attacker);
    // Even the right password is refused from the attacker's address, with a time to wait.
    const refused = await attempt(owner.email, owner.password, from(attacker));
    expect(refused).toMatchObject({ ok: false, reason: "locked" });
    expect(refused.ok === false && refused.reason === "locked" && refused.minutes).toBeGreaterThanOrEqual(14);
    // The owner, at home, is not locked out by someone else's guesses.
    expect((await attempt(owner.email, owner.password, from(addressOf()))).ok).toBe(true);
  });

  it("stops one address trying many accounts, without checking the passwords it sends", async () => {
    const sprayer = addressOf();
    for (let i = 0; i < MAX_ACCOUNTS_PER_ADDRESS; i++) {
      expect(await attempt(`victim-${uid()}@example.test`, "Password123!", from(sprayer))).toEqual({ ok: false, reason: "invalid" });
    }
    const next = await createUser();
    expect(await attempt(next.email, next.password, from(sprayer))).toMatchObject({ ok: false, reason: "locked" });
    expect(await checksOn({ email: next.email })).toBe(0);
    // A single account's owner who mistypes a few times is not an address trying many accounts.
    const typist = await createUser();
    const home = addressOf();
    for (let i = 0; i < 3; i++) await attempt(typist.email, `typo-${i}-password`, from(home));
    expect((await attempt(typist.email, typist.password, from(home))).ok).toBe(true);
  });

  it("counts an IPv6 subscriber's whole /64 as one address", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe(addressKey("2001:db8:1:2:bbbb::9"));
    expect(addressKey("2001:db8:1:2::1")).not.toBe(addressKey("2001:db8:1:3::1"));
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });
});

describe("concurrent guesses", () => {
  const N = 25;

  /** Fires n attempts at once; each is on its own pooled connection. Returns how many were checked. */
  async function race(n: number, one: (i: number) => Promise<"checked" | "refused">) {
    const outcomes = await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
    return outcomes.filter((o) => o === "checked").length;
  }
  const outcome = (r: Awaited<ReturnType<typeof signIn>>) => (!r.ok && r.reason === "locked" ? "refused" : "checked");

  it("counts every one of N concurrent guesses at one account, and checks no more than the limit (repeated)", async () => {
    for (let round = 0; round < 3; round++) {
      const owner = await createUser();
      const ip = addressOf();
      const checked = await race(N, async (i) => outcome(await attempt(owner.email, `wrong-${i}-password`, from(ip))));
      expect(checked).toBe(MAX_FAILURES_PER_ACCOUNT);
      expect(await checksOn({ email: owner.email })).toBe(MAX_FAILURES_PER_ACCOUNT);
      const [pair] = await asService((tx) => tx<{ attempts: number }[]>`select attempts from public.sign_in_counters where key = ${`pair:${ip}|${owner.email}`}`);
      expect(pair!.attempts).toBe(N);
    }
  }, 120_000);

  it("checks no more than the per-address limit when one address guesses at N accounts at once (repeated)", async () => {
    for (let round = 0; round < 3; round++) {
      const ip = addressOf();
      const checked = await race(N, async (i) => outcome(await attempt(`spray-${round}-${i}-${uid()}@example.test`, "Password123!", from(ip))));
      expect(checked).toBe(MAX_ACCOUNTS_PER_ADDRESS);
      expect(await checksOn({ ip })).toBe(MAX_ACCOUNTS_PER_ADDRESS);
    }
  }, 120_000);

  // The pair to the tests above, as pretix writes its race tests: the same race against a
  // check-then-count throttle (read the count, check the password, then count) lets more guesses
  // through, so the harness above can catch the bug it guards against.
  it("catches a check-then-count throttle letting more than the limit through", async () => {
    const hash = await bcrypt.hash("the-right-password", 10);
    let worst = 0;
    for (let round = 0; round < 3 && worst <= MAX_FAILURES_PER_ACCOUNT; round++) {
      const key = `pair:naive-${uid()}|someone@example.test`;
      const checked = await race(N, async () => {
        const [row] = await asService((tx) => tx<{ attempts: number }[]>`select attempts from public.sign_in_counters where key = ${key}`);
        if ((row?.attempts ?? 0) >= MAX_FAILURES_PER_ACCOUNT) return "refused";
        await bcrypt.compare("a-wrong-guess", hash);
        await asService((tx) => tx`insert into public.sign_in_counters as c (key) values (${key})
                                   on conflict (key) do update set attempts = c.attempts + 1`);
        return "checked";
      });
      worst = Math.max(worst, checked);
    }
    expect(worst).toBeGreaterThan(MAX_FAILURES_PER_ACCOUNT);
  }, 120_000);
});

describe("the owner's way back in", () => {
  it("mails the owner once, in their language, and says the same whether the account exists", async () => {
    const owner = await createUser({ locale: "vi" });
    const attacker = addressOf();
    await throttle(owner.email, attacker);
    const refusedOwner = await attempt(owner.email, "another-guess-1", from(attacker));
    // Knocking again, from there or from a second throttled address, sends nothing more.
    await attempt(owner.email, "another-guess-2", from(attacker));
    const second = addressOf();
    await throttle(owner.email, second);
    await attempt(owner.email, "another-guess-3", from(second));
    const mails = await unlockMails(owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ locale: "vi", subject: "Đăng nhập vào tài khoản của bạn đang bị tạm dừng" });
    expect(mails[0]!.text_body).toContain(attacker);

    const ghost = `ghost-${uid()}@example.test`;
    const ghostAddress = addressOf();
    await throttle(ghost, ghostAddress);
    const refusedGhost = await attempt(ghost, "another-guess-1", from(ghostAddress));
    expect(refusedGhost).toEqual(refusedOwner);
    expect(await outboxFor(ghost)).toEqual([]);
  });

  it("lets the owner's browser sign in through the mailed link, once, while the attacker stays throttled", async () => {
    const owner = await createUser({ locale: "en" });
    const shared = addressOf(); // e.g. the owner's office, where the guessing comes from
    await throttle(owner.email, shared);
    expect(await attempt(owner.email, owner.password, from(shared))).toMatchObject({ reason: "locked" });
    const [mail] = await unlockMails(owner.email);
    expect(mail!.subject).toBe("Sign-ins to your account are paused");

    const { token, response } = await followUnlockLink(mail!.text_body);
    expect(response?.status).toBe(302);
    expect(response?.headers.get("Location")).toBe("/auth/sign-in?unlocked=1");
    const device = cookiesFrom(response!);
    expect((await attempt(owner.email, owner.password, from(shared, device))).ok).toBe(true);
    // The link works once.
    const again = await unlockAction({ request: post("/auth/unlock", { token }), params: {}, context });
    expect(again).toEqual({ failed: true });
    // Without the cookie the address is still throttled; the cookie opens no other account.
    expect(await attempt(owner.email, owner.password, from(shared))).toMatchObject({ reason: "locked" });
    const other = await createUser();
    await throttle(other.email, shared);
    expect(await attempt(other.email, other.password, from(shared, device))).toMatchObject({ reason: "locked" });
    // A forged or altered cookie counts for nothing.
    const forged = new CookieJar(`__device=${encodeURIComponent(Buffer.from(JSON.stringify({ u: owner.id, d: "x" })).toString("base64"))}`);
    expect(await attempt(owner.email, owner.password, from(shared, forged))).toMatchObject({ reason: "locked" });
  });

  it("keeps the link from working after it expires, and mails a fresh one at the next refusal", async () => {
    const owner = await createUser();
    const attacker = addressOf();
    await throttle(owner.email, attacker);
    await attempt(owner.email, owner.password, from(attacker));
    const [first] = await unlockMails(owner.email);
    await asService((tx) => tx`update public.sign_in_unlocks set expires_at = now() - interval '1 second' where user_id = ${owner.id}`);
    const { response } = await followUnlockLink(first!.text_body);
    expect(response).toBeNull(); // no redirect: the page says the link is invalid
    await attempt(owner.email, owner.password, from(attacker));
    const mails = await unlockMails(owner.email);
    expect(mails).toHaveLength(2);
    expect((await followUnlockLink(mails[0]!.text_body)).response?.status).toBe(302);
  });

  it("stores the link's token only as a hash", async () => {
    const owner = await createUser();
    const attacker = addressOf();
    await throttle(owner.email, attacker);
    await attempt(owner.email, owner.password, from(attacker));
    const [mail] = await unlockMails(owner.email);
    const token = new URL(linkIn(mail!.text_body, "/auth/unlock")).searchParams.get("token")!;
    const [row] = await asService((tx) => tx<{ token_hash: string }[]>`select token_hash from public.sign_in_unlocks where user_id = ${owner.id}`);
    expect(row!.token_hash).not.toContain(token);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the password change form", () => {
  it("throttles guesses of the current password per account and address, with the same limit as sign-in", async () => {
    const owner = await createUser();
    const thief = addressOf(); // someone with the owner's open session, guessing the password
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await changePassword(owner.id, owner.sessionId, `guess-${i}-password`, "taken-over-pw-1", { ip: thief })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await changePassword(owner.id, owner.sessionId, owner.password, "taken-over-pw-1", { ip: thief })).toMatchObject({ ok: false, reason: "locked" });
    // The same pair is throttled at sign-in too; the owner elsewhere is not.
    expect(await attempt(owner.email, owner.password, from(thief))).toMatchObject({ reason: "locked" });
    expect(await changePassword(owner.id, owner.sessionId, owner.password, "next-password-123", { ip: addressOf() })).toEqual({ ok: true });
    expect(await unlockMails(owner.email)).toHaveLength(1);
  });
});

describe("the refusal, in both languages", () => {
  it("says when to try again and that the owner was mailed, without saying whether the account exists", () => {
    expect(tFor("en")("auth.locked", { count: 14 })).toBe(
      "Too many failed sign-ins from here. Try again in 14 minutes. If an account exists for this email, we have mailed its owner a link that lets their browser sign in now.",
    );
    expect(tFor("en")("auth.locked", { count: 1 })).toContain("Try again in 1 minute.");
    expect(tFor("vi")("auth.locked", { count: 14 })).toContain("Hãy thử lại sau 14 phút.");
    expect(tFor("vi")("auth.locked", { count: 14 })).toContain("chúng tôi đã gửi cho chủ tài khoản một liên kết");
    expect(tFor("en")("auth.lockedChange", { count: 3 })).toContain("Try again in 3 minutes");
    expect(tFor("vi")("auth.lockedChange", { count: 3 })).toContain("Hãy thử lại sau 3 phút");
  });
});
