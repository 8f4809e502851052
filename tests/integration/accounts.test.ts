import { describe, expect, it } from "vitest";
import { changePassword, requestPasswordReset, resetPassword, signIn, signUp, verifyEmail } from "~/modules/identity/accounts.server";
import { loadViewerBySession } from "~/platform/auth/viewer.server";
import { CookieJar } from "~/platform/auth/cookie-jar.server";
import { sessionCookie } from "~/platform/auth/cookie.server";
import { safeRedirect } from "~/platform/auth/guards.server";
import { MAX_ACCOUNTS_PER_ADDRESS, MAX_FAILURES_PER_ACCOUNT } from "~/platform/auth/throttle.server";
import { asService } from "~/platform/db/transaction.server";
import { createUser, linkIn, outboxFor } from "../support/factories";

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

describe("sign-up and verification", () => {
  it("stores the user as Supabase Auth does and mails a verification link in the chosen language", async () => {
    const result = await signUp({ email: "lan@example.test", password: "a-long-password-1", displayName: "Võ Thị Lan" }, "vi");
    expect(result.ok).toBe(true);
    const [user] = await asService((tx) => tx`select aud, role, encrypted_password, email_confirmed_at from auth.users where email = 'lan@example.test'`);
    expect(user).toMatchObject({ aud: "authenticated", role: "authenticated", email_confirmed_at: null });
    expect(user!.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
    const [mail] = await outboxFor("lan@example.test");
    expect(mail).toMatchObject({ template: "verify-email", locale: "vi", subject: "Xác minh địa chỉ email của bạn" });
  });

  it("refuses a second account for the same address, whatever its case", async () => {
    await signUp({ email: "dup@example.test", password: "a-long-password-1", displayName: "A" }, "en");
    // The schema lowercases addresses; the database refuses the duplicate.
    expect((await signUp({ email: "dup@example.test", password: "another-password-2", displayName: "B" }, "en")).ok).toBe(false);
  });

  it("does not sign in before the email is verified, then does after, with a welcome mail", async () => {
    await signUp({ email: "huy@example.test", password: "a-long-password-1", displayName: "Huy" }, "en");
    expect(await signIn({ email: "huy@example.test", password: "a-long-password-1", ...meta })).toEqual({ ok: false, reason: "not_verified" });
    const [mail] = await outboxFor("huy@example.test");
    const token = tokenOf(linkIn(mail!.text_body, "/auth/verify"));
    expect(await verifyEmail(token, meta)).not.toBeNull();
    expect(await verifyEmail(token, meta)).toBeNull(); // single use
    const signedIn = await signIn({ email: "huy@example.test", password: "a-long-password-1", ...meta });
    expect(signedIn.ok).toBe(true);
    expect((await outboxFor("huy@example.test")).map((m) => m.template)).toEqual(["welcome", "verify-email"]);
  });
});

describe("verifying signs in", () => {
  it("opens a session for the verified person and lands them on the invitation they signed up from", async () => {
    const email = "thu@example.test";
    await signUp({ email, password: "a-long-password-1", displayName: "Thu" }, "vi", "/invitations/abcdefghijklmnopqrstuvwxyz");
    const [mail] = await outboxFor(email);
    const cookies = new CookieJar();
    const verified = await verifyEmail(tokenOf(linkIn(mail!.text_body, "/auth/verify")), meta, cookies);
    expect(verified?.next).toBe("/invitations/abcdefghijklmnopqrstuvwxyz");
    const sessionId: unknown = await sessionCookie().parse(cookies.headers.getSetCookie()[0]!.split(";")[0]!);
    const viewer = await loadViewerBySession(String(sessionId));
    expect(viewer?.claims.email).toBe(email);
  });

  it("lands on home when the sign-up came from nowhere in particular", async () => {
    await signUp({ email: "khoa@example.test", password: "a-long-password-1", displayName: "Khoa" }, "en");
    const [mail] = await outboxFor("khoa@example.test");
    expect((await verifyEmail(tokenOf(linkIn(mail!.text_body, "/auth/verify")), meta))?.next).toBeNull();
  });

  it("never redirects off the site", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "\\evil.example", "javascript:alert(1)"]) {
      expect(safeRedirect(bad)).toBe("/");
    }
    expect(safeRedirect("/invitations/abc?x=1")).toBe("/invitations/abc?x=1");
  });
});

describe("sign-in", () => {
  it("gives a new session at every sign-in and resolves it to verified claims", async () => {
    const user = await createUser();
    const a = await signIn({ email: user.email, password: user.password, ...meta });
    const b = await signIn({ email: user.email, password: user.password, ...meta });
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    expect(a.sessionId).not.toBe(b.sessionId);
    const viewer = await loadViewerBySession(a.sessionId);
    expect(viewer?.claims).toMatchObject({ sub: user.id, email: user.email, role: "authenticated", session_id: a.sessionId });
  });

  it("answers a wrong email exactly like a wrong password", async () => {
    const user = await createUser();
    expect(await signIn({ email: "nobody@example.test", password: "whatever-password", ...meta })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn({ email: user.email, password: "wrong-password-1", ...meta })).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after ten wrong passwords, even against the right one", async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await signIn({ email: user.email, password: `wrong-${i}-password`, ...meta })).ok).toBe(false);
    }
    const eleventh = await signIn({ email: user.email, password: user.password, ...meta });
    expect(eleventh).toMatchObject({ ok: false, reason: "locked" });
    expect(eleventh.ok === false && eleventh.reason === "locked" && eleventh.minutes).toBeGreaterThan(0);
    // The lock is per account: someone else signs in from the same address.
    const other = await createUser();
    expect((await signIn({ email: other.email, password: other.password, ...meta })).ok).toBe(true);
  });

  it("locks an address that guesses across many accounts", async () => {
    const spray = { ip: "198.51.100.9", userAgent: "spray" };
    for (let i = 1; i <= MAX_ACCOUNTS_PER_ADDRESS; i++) {
      await signIn({ email: `victim${i}@example.test`, password: "a-guessed-password", ...spray });
    }
    const user = await createUser();
    expect(await signIn({ email: user.email, password: user.password, ...spray })).toMatchObject({ ok: false, reason: "locked" });
    expect((await signIn({ email: user.email, password: user.password, ...meta })).ok).toBe(true); // another address is fine
  });

  it("holds the limit when wrong guesses arrive concurrently", async () => {
    const user = await createUser();
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => signIn({ email: user.email, password: `wrong-${i}-password`, ...meta })),
    );
    const [{ failures }] = (await asService(
      (tx) => tx`select count(*)::int as failures from public.sign_in_attempts where email = ${user.email} and not succeeded`,
    )) as unknown as [{ failures: number }];
    expect(failures).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(await signIn({ email: user.email, password: user.password, ...meta })).toMatchObject({ reason: "locked" });
  });
});

describe("passwords", () => {
  it("resets through the mailed link once, ending every session", async () => {
    const user = await createUser();
    await requestPasswordReset(user.email);
    const [mail] = await outboxFor(user.email);
    expect(mail!.template).toBe("reset-password");
    const token = tokenOf(linkIn(mail!.text_body, "/auth/reset"));
    expect(await resetPassword(token, "brand-new-password-1")).toBe(true);
    expect(await resetPassword(token, "brand-new-password-2")).toBe(false);
    expect(await loadViewerBySession(user.sessionId)).toBeNull();
    expect((await signIn({ email: user.email, password: "brand-new-password-1", ...meta })).ok).toBe(true);
    expect((await signIn({ email: user.email, password: user.password, ...meta })).ok).toBe(false);
  });

  it("queues no mail for an unknown address and answers the same", async () => {
    await expect(requestPasswordReset("ghost@example.test")).resolves.toBeUndefined();
    expect(await outboxFor("ghost@example.test")).toEqual([]);
  });

  it("changes the password only with the current one, signing out other devices", async () => {
    const user = await createUser();
    const other = await signIn({ email: user.email, password: user.password, ...meta });
    if (!other.ok) throw new Error("sign-in failed");
    expect(await changePassword(user.id, user.sessionId, "not-the-password", "next-password-123", meta)).toEqual({ ok: false, reason: "invalid" });
    expect(await changePassword(user.id, user.sessionId, user.password, "next-password-123", meta)).toEqual({ ok: true });
    expect(await loadViewerBySession(user.sessionId)).not.toBeNull();
    expect(await loadViewerBySession(other.sessionId)).toBeNull();
  });
});
