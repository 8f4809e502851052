import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changePassword,
  isResetTokenValid,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOut,
  signUp,
  unlockDevice,
  verifyEmail,
} from "~/modules/identity/accounts.server";
import { CookieJar } from "~/platform/auth/cookie-jar.server";
import { refreshSession } from "~/platform/auth/supabase-client.server";
import { MAX_FAILURES_PER_ACCOUNT } from "~/platform/auth/throttle.server";
import { getViewer, loadViewerBySession } from "~/platform/auth/viewer.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { EnvError, env, parseEnv, resetEnv } from "~/platform/env.server";
import { action as signInAction } from "~/routes/auth.sign-in";
import { action as signOutAction } from "~/routes/auth.sign-out";
import { startFakeSupabaseAuth, type FakeSupabaseAuth } from "../support/fake-supabase-auth";
import { addMember, createOrg, createUser, linkIn, outboxFor } from "../support/factories";

// The same account flows with SUPABASE_URL set: the real @supabase/ssr client on our side, a fake
// Supabase Auth (GoTrue) on the other, writing into this file's database as Supabase would.
let fake: FakeSupabaseAuth;

beforeAll(async () => {
  fake = await startFakeSupabaseAuth(process.env.DATABASE_URL!);
  process.env.SUPABASE_URL = fake.url;
  process.env.SUPABASE_ANON_KEY = fake.anonKey;
  resetEnv();
});

afterAll(async () => {
  delete process.env.SUPABASE_URL;
  delete process.env.SUPABASE_ANON_KEY;
  resetEnv();
  await fake?.stop();
});

const meta = { ip: "203.0.113.8", userAgent: "vitest" };
const context = { clientIp: meta.ip, cspNonce: "", requestId: "test" };
const newEmail = () => `sb-${randomBytes(4).toString("hex")}@example.test`;
const requestWith = (cookieHeader: string) => new Request("http://localhost:3000/", { headers: { Cookie: cookieHeader } });

/** A confirmed account, created through sign-up and the mailed token hash. */
async function account(displayName = "Nguyễn Văn An") {
  const email = newEmail();
  const password = "a-long-password-1";
  const created = await signUp({ email, password, displayName }, "en");
  if (!created.ok) throw new Error("sign-up failed");
  expect(await verifyEmail(fake.mailTo(email, "signup").tokenHash, meta)).not.toBeNull();
  return { id: created.userId, email, password };
}

/** Signs in and returns the Cookie header the browser would send next. */
async function signedIn(user: { email: string; password: string }) {
  const cookies = new CookieJar();
  const result = await signIn({ email: user.email, password: user.password, ...meta }, cookies);
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return { sessionId: result.sessionId, cookieHeader: cookies.header(), setCookies: cookies.headers.getSetCookie() };
}

/** The Supabase session cookie of a Cookie header, rewritten by `change` (as an attacker could). */
function tamperedSession(cookieHeader: string, change: (session: { access_token: string; user: Record<string, unknown> }) => void) {
  const chunks = new CookieJar(cookieHeader)
    .getAll()
    .filter((c) => /^sb-.+-auth-token(\.\d+)?$/.test(c.name))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  const name = chunks[0]!.name.replace(/\.\d+$/, "");
  const encoded = chunks.map((c) => c.value).join("").replace(/^base64-/, "");
  const session = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as { access_token: string; user: Record<string, unknown> };
  change(session);
  return `${name}=${encodeURIComponent(`base64-${Buffer.from(JSON.stringify(session)).toString("base64url")}`)}`;
}

const asCookieHeader = (setCookies: string[]) =>
  setCookies
    .map((c) => c.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");

describe("sign-up and verification on Supabase", () => {
  it("creates the user at Supabase, which mails the link; the trigger makes the profile", async () => {
    const email = newEmail();
    const result = await signUp({ email, password: "a-long-password-1", displayName: "Võ Thị Lan" }, "vi");
    expect(result.ok).toBe(true);
    expect(fake.requests).toContainEqual({ method: "POST", path: `/auth/v1/signup?redirect_to=${encodeURIComponent("http://localhost:3000/auth/verify")}`, email });
    const [profile] = await asService(
      (tx) => tx`select p.display_name, p.locale, p.languages from public.profiles p join auth.users u on u.id = p.id where u.email = ${email}`,
    );
    expect(profile).toEqual({ display_name: "Võ Thị Lan", locale: "vi", languages: ["vi"] });
    // Supabase sent the verification mail, not our outbox.
    expect(fake.mailTo(email, "signup").redirectTo).toBe("http://localhost:3000/auth/verify");
    expect(await outboxFor(email)).toEqual([]);
    expect((await signUp({ email, password: "another-password-2", displayName: "B" }, "vi")).ok).toBe(false);
  });

  it("signs in only after the mailed token hash is verified, once; verifying signs the person in; our outbox sends the welcome", async () => {
    const email = newEmail();
    await signUp({ email, password: "a-long-password-1", displayName: "Huy" }, "en", "/invitations/some-invitation-token-123456");
    expect(await signIn({ email, password: "a-long-password-1", ...meta })).toEqual({ ok: false, reason: "not_verified" });
    const token = fake.mailTo(email, "signup").tokenHash;
    const cookies = new CookieJar();
    const verified = await verifyEmail(token, meta, cookies);
    expect(verified).toMatchObject({ next: "/invitations/some-invitation-token-123456" });
    expect(await verifyEmail(token, meta)).toBeNull();
    expect((await outboxFor(email)).map((m) => m.template)).toEqual(["welcome"]);
    // The session the verification opened is this browser's: it is signed in as the new account.
    const viewer = await getViewer(requestWith(asCookieHeader(cookies.headers.getSetCookie())));
    expect(viewer?.id).toBe(verified!.userId);
    expect((await signIn({ email, password: "a-long-password-1", ...meta })).ok).toBe(true);
  });

  it("gives a profile to any user Supabase inserts, named after the address when no name came", async () => {
    const id = crypto.randomUUID();
    await asService((tx) => tx`insert into auth.users (instance_id, id, aud, role, email, created_at, updated_at)
                               values ('00000000-0000-0000-0000-000000000000', ${id}, 'authenticated', 'authenticated', 'no.name@example.test', now(), now())`);
    const [profile] = await asService((tx) => tx`select display_name, locale from public.profiles where id = ${id}`);
    expect(profile).toEqual({ display_name: "no.name", locale: "vi" });
  });
});

describe("the viewer on Supabase", () => {
  it("resolves the cookies to the same verified claims as the local provider, with profile and roles", async () => {
    const user = await account("Trần Thị Mai");
    const org = await createOrg();
    await addMember(org.id, user.id, "mentor");
    const { sessionId, cookieHeader, setCookies } = await signedIn(user);
    expect(setCookies.join("\n")).toMatch(/^sb-127-auth-token.*HttpOnly.*SameSite=Lax/m);

    const viewer = await getViewer(requestWith(cookieHeader));
    expect(viewer?.claims).toMatchObject({ sub: user.id, email: user.email, role: "authenticated", session_id: sessionId, aal: "aal1" });
    expect(viewer?.claims.user_metadata).toMatchObject({ display_name: "Trần Thị Mai", locale: "en" });
    expect(viewer).toMatchObject({ id: user.id, displayName: "Trần Thị Mai", locale: "en", memberships: [{ orgId: org.id, role: "mentor" }] });
    const local = await createUser();
    const localViewer = await loadViewerBySession(local.sessionId);
    expect(Object.keys(viewer!.claims).sort()).toEqual(Object.keys(localViewer!.claims).sort());
    // The claims drive RLS exactly as the local provider's do.
    const [row] = await asUser(viewer!.claims, (tx) => tx`select auth.uid() as uid, auth.email() as email`);
    expect(row).toEqual({ uid: user.id, email: user.email });
  });

  it("gives no viewer for absent, forged or garbled cookies", async () => {
    const user = await account();
    const other = await account();
    const { cookieHeader } = await signedIn(user);
    const victim = await signedIn(other);
    const before = fake.requests.length;
    expect(await getViewer(requestWith(""))).toBeNull();
    expect(fake.requests.length).toBe(before); // no cookie, no call
    // A session that claims to be the other person's live session, consistent in every field the
    // cookie holds; only the token's signature (the user's) gives it away, and only the Auth server checks it.
    const forged = tamperedSession(cookieHeader, (s) => {
      const [head, body, mac] = s.access_token.split(".");
      const claims = JSON.parse(Buffer.from(body!, "base64url").toString("utf8")) as Record<string, unknown>;
      const impersonated = { ...claims, sub: other.id, email: other.email, session_id: victim.sessionId };
      s.access_token = [head, Buffer.from(JSON.stringify(impersonated)).toString("base64url"), mac].join(".");
      s.user = { ...s.user, id: other.id, email: other.email };
    });
    expect(await getViewer(requestWith(forged))).toBeNull();
    expect(fake.requests.at(-1)?.path).toBe("/auth/v1/user");
    expect(await getViewer(requestWith(tamperedSession(cookieHeader, (s) => (s.access_token = "not-a-jwt"))))).toBeNull();
    expect(await getViewer(requestWith("sb-127-auth-token=garbage"))).toBeNull();
  });

  it("refreshes an expiring session once, before the app reads it", async () => {
    const user = await account();
    fake.options.signInTokenSeconds = 30; // inside the SDK's 90 s margin: due for refresh at once
    const { cookieHeader } = await signedIn(user).finally(() => (fake.options.signInTokenSeconds = 3600));
    const fresh = await refreshSession(cookieHeader);
    expect(fake.requests.at(-1)?.path).toBe("/auth/v1/token?grant_type=refresh_token");
    expect(fresh?.headers.getSetCookie().join("\n")).toMatch(/^sb-127-auth-token/m);
    expect((await getViewer(requestWith(fresh!.cookieHeader)))?.id).toBe(user.id);
    expect(await refreshSession(fresh!.cookieHeader)).toBeNull(); // fresh now: nothing to do
  });
});

describe("sign-in and sign-out through the routes", () => {
  const post = (path: string, cookieHeader: string, form: Record<string, string>) =>
    new Request(`http://localhost:3000${path}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookieHeader } });
  const thrown = (promise: Promise<unknown>) => promise.then(() => null, (r: unknown) => r as Response);

  it("writes the session as Set-Cookie on the redirect, reads it back, and clears it at sign-out", async () => {
    const user = await account();
    const signInResponse = await thrown(
      signInAction({ request: post("/auth/sign-in", "", { email: user.email, password: user.password, redirectTo: "/orgs" }), params: {}, context }),
    );
    expect(signInResponse?.status).toBe(302);
    expect(signInResponse?.headers.get("Location")).toBe("/orgs");
    expect(signInResponse?.headers.get("Cache-Control")).toContain("no-store");
    const cookieHeader = asCookieHeader(signInResponse!.headers.getSetCookie());
    expect((await getViewer(requestWith(cookieHeader)))?.id).toBe(user.id);

    const signOutResponse = await thrown(signOutAction({ request: post("/auth/sign-out", cookieHeader, {}), params: {}, context }));
    expect(signOutResponse?.status).toBe(302);
    expect(signOutResponse!.headers.getSetCookie().join("\n")).toMatch(/^sb-127-auth-token=;.*Max-Age=0/m);
    expect(fake.requests.at(-1)?.path).toBe("/auth/v1/logout?scope=local");
    // The old cookies no longer open anything: the session is gone at Supabase.
    expect(await getViewer(requestWith(cookieHeader))).toBeNull();
  });

  it("ends only this browser's session at sign-out", async () => {
    const user = await account();
    const here = await signedIn(user);
    const elsewhere = await signedIn(user);
    await signOut(new CookieJar(here.cookieHeader));
    expect(await getViewer(requestWith(here.cookieHeader))).toBeNull();
    expect((await getViewer(requestWith(elsewhere.cookieHeader)))?.id).toBe(user.id);
  });
});

describe("the sign-in throttle on Supabase", () => {
  it("locks an account after ten wrong passwords, without asking Supabase again", async () => {
    const user = await account();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await signIn({ email: user.email, password: `wrong-${i}-password`, ...meta })).toEqual({ ok: false, reason: "invalid" });
    }
    const eleventh = await signIn({ email: user.email, password: user.password, ...meta });
    expect(eleventh).toMatchObject({ ok: false, reason: "locked" });
    const asked = fake.requests.filter((r) => r.path === "/auth/v1/token?grant_type=password" && r.email === user.email);
    expect(asked).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
  });

  it("holds the limit when wrong guesses arrive concurrently", async () => {
    const user = await account();
    await Promise.all(Array.from({ length: 15 }, (_, i) => signIn({ email: user.email, password: `wrong-${i}-password`, ...meta })));
    const asked = fake.requests.filter((r) => r.path === "/auth/v1/token?grant_type=password" && r.email === user.email);
    expect(asked).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
  });
});

describe("the sign-in throttle on Supabase, per account and address", () => {
  const passwordGrants = (email: string) => fake.requests.filter((r) => r.path === "/auth/v1/token?grant_type=password" && r.email === email);

  it("lets the owner sign in elsewhere, and through the mailed link at the throttled address", async () => {
    const user = await account();
    const attacker = { ip: "198.51.100.201", userAgent: "attacker" };
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn({ email: user.email, password: `wrong-${i}-password`, ...attacker });
    expect(await signIn({ email: user.email, password: user.password, ...attacker })).toMatchObject({ ok: false, reason: "locked" });
    expect((await signIn({ email: user.email, password: user.password, ...meta })).ok).toBe(true);

    // The unlock mail is ours, with either provider.
    const [mail] = (await outboxFor(user.email)).filter((m) => m.template === "sign-in-unlock");
    const token = new URL(linkIn(mail!.text_body, "/auth/unlock")).searchParams.get("token")!;
    const device = new CookieJar();
    expect(await unlockDevice(token, device)).toBe(true);
    const unlocked = new CookieJar(device.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; "));
    expect((await signIn({ email: user.email, password: user.password, ...attacker }, unlocked)).ok).toBe(true);
  });

  it("throttles guesses of the current password on the password change form, without asking Supabase past the limit", async () => {
    const user = await account();
    const here = await signedIn(user);
    const thief = { ip: "198.51.100.202", cookies: new CookieJar(here.cookieHeader) };
    const before = passwordGrants(user.email).length;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await changePassword(user.id, here.sessionId, `guess-${i}-password`, "taken-over-pw-1", thief)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await changePassword(user.id, here.sessionId, user.password, "taken-over-pw-1", thief)).toMatchObject({ ok: false, reason: "locked" });
    expect(passwordGrants(user.email).length - before).toBe(MAX_FAILURES_PER_ACCOUNT);
  });
});

describe("passwords on Supabase", () => {
  it("resets through Supabase's mailed token hash once, ending every session", async () => {
    const user = await account();
    const before = await signedIn(user);
    await requestPasswordReset(user.email);
    const mail = fake.mailTo(user.email, "recovery");
    expect(mail.redirectTo).toBe("http://localhost:3000/auth/reset");
    expect((await outboxFor(user.email)).map((m) => m.template)).toEqual(["welcome"]); // no reset mail of ours
    expect(await isResetTokenValid(mail.tokenHash)).toBe(true);

    const cookies = new CookieJar(before.cookieHeader);
    expect(await resetPassword(mail.tokenHash, "brand-new-password-1", cookies)).toBe(true);
    expect(cookies.headers.getSetCookie().join("\n")).toMatch(/^sb-127-auth-token=;.*Max-Age=0/m);
    expect(await resetPassword(mail.tokenHash, "brand-new-password-2")).toBe(false);
    expect(await getViewer(requestWith(before.cookieHeader))).toBeNull();
    expect((await signIn({ email: user.email, password: "brand-new-password-1", ...meta })).ok).toBe(true);
    expect((await signIn({ email: user.email, password: user.password, ...meta })).ok).toBe(false);
  });

  it("answers an unknown address like a known one", async () => {
    await expect(requestPasswordReset("ghost@example.test")).resolves.toBeUndefined();
    expect(fake.mails.filter((m) => m.email === "ghost@example.test")).toEqual([]);
  });

  it("changes the password only with the current one, signing out other devices", async () => {
    const user = await account();
    const here = await signedIn(user);
    const other = await signedIn(user);
    const cookies = new CookieJar(here.cookieHeader);
    expect(await changePassword(user.id, here.sessionId, "not-the-password", "next-password-123", { ip: meta.ip, cookies })).toEqual({ ok: false, reason: "invalid" });
    expect(await changePassword(user.id, here.sessionId, user.password, "next-password-123", { ip: meta.ip, cookies })).toEqual({ ok: true });
    expect((await getViewer(requestWith(cookies.header())))?.id).toBe(user.id);
    expect(await getViewer(requestWith(other.cookieHeader))).toBeNull();
    expect((await signIn({ email: user.email, password: "next-password-123", ...meta })).ok).toBe(true);
  });
});

describe("environment", () => {
  it("stops when SUPABASE_URL comes without SUPABASE_ANON_KEY, naming it", () => {
    expect(() => parseEnv({ SUPABASE_URL: "https://abcd.supabase.co" })).toThrow(/SUPABASE_ANON_KEY: is required when SUPABASE_URL is set/);
    const key = process.env.SUPABASE_ANON_KEY;
    delete process.env.SUPABASE_ANON_KEY;
    resetEnv();
    try {
      expect(() => env()).toThrow(EnvError);
    } finally {
      process.env.SUPABASE_ANON_KEY = key;
      resetEnv();
    }
  });
});
