import bcrypt from "bcryptjs";
import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";

/**
 * A fake Supabase Auth (GoTrue) at its HTTP boundary, for the real @supabase/ssr / supabase-js on
 * our side. It implements only what our flows call, answers in GoTrue's shapes and error codes,
 * and keeps users and sessions in our database's auth.users / auth.sessions as GoTrue does, so
 * the on_auth_user_created trigger runs. Mails it "sends" are kept for the test to read.
 */
export type FakeMail = { type: "signup" | "recovery"; email: string; tokenHash: string; redirectTo: string | null };
export type FakeRequest = { method: string; path: string; email?: string };

type UserRow = {
  id: string;
  email: string;
  encrypted_password: string;
  email_confirmed_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const API_VERSION = "2024-01-01";
const VERIFY_HOURS = 24;
const RECOVERY_MINUTES = 60;

export async function startFakeSupabaseAuth(databaseUrl: string) {
  const db = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const secret = randomBytes(32);
  const requests: FakeRequest[] = [];
  const mails: FakeMail[] = [];
  const refreshTokens = new Map<string, { sessionId: string; userId: string; revoked: boolean }>();
  // Lifetimes of access tokens from a sign-in (password, verify) and from a refresh; a test shortens
  // the first to make a session due for refresh at once (the SDK refreshes within 90 s of expiry).
  const options = { signInTokenSeconds: 3600, refreshedTokenSeconds: 3600 };
  let issuer = "";

  const sign = (payload: Record<string, unknown>) => {
    const head = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
    const mac = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
    return `${head}.${body}.${mac}`;
  };
  const now = () => Math.floor(Date.now() / 1000);
  const anonKey = sign({ iss: "supabase", role: "anon", iat: now(), exp: now() + 3600 * 24 * 365 });

  function verify(token: string): Record<string, unknown> {
    const [head, body, mac] = token.split(".");
    const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest();
    const given = Buffer.from(mac ?? "", "base64url");
    if (!head || !body || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(401, "bad_jwt", "invalid JWT: unable to parse or verify signature");
    }
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof claims.exp !== "number" || claims.exp < now()) throw new HttpError(401, "bad_jwt", "invalid JWT: token is expired");
    return claims;
  }

  const userJson = (u: UserRow) => ({
    id: u.id,
    aud: "authenticated",
    role: "authenticated",
    email: u.email,
    email_confirmed_at: u.email_confirmed_at,
    phone: "",
    confirmation_sent_at: u.confirmation_sent_at,
    recovery_sent_at: u.recovery_sent_at,
    confirmed_at: u.email_confirmed_at,
    last_sign_in_at: u.last_sign_in_at,
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: [{ identity_id: u.id, id: u.id, user_id: u.id, identity_data: { sub: u.id, email: u.email }, provider: "email", email: u.email }],
    created_at: u.created_at,
    updated_at: u.updated_at,
    is_anonymous: false,
  });

  const userById = async (id: string) => (await db<UserRow[]>`select * from auth.users where id = ${id} and deleted_at is null`)[0];

  async function issueSession(user: UserRow, req: IncomingMessage, refreshOf?: string) {
    const sessionId = refreshOf ?? randomUUID();
    await db`insert into auth.sessions (id, user_id, created_at, updated_at, user_agent, ip)
             values (${sessionId}, ${user.id}, now(), now(), ${req.headers["user-agent"] ?? ""}, '127.0.0.1')
             on conflict (id) do update set updated_at = now()`;
    const refreshToken = randomBytes(16).toString("hex");
    refreshTokens.set(refreshToken, { sessionId, userId: user.id, revoked: false });
    const iat = now();
    const expiresIn = refreshOf ? options.refreshedTokenSeconds : options.signInTokenSeconds;
    const accessToken = sign({
      aud: "authenticated",
      exp: iat + expiresIn,
      iat,
      iss: issuer,
      sub: user.id,
      email: user.email,
      phone: "",
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: "authenticated",
      aal: "aal1",
      amr: [{ method: "password", timestamp: iat }],
      session_id: sessionId,
      is_anonymous: false,
    });
    return { access_token: accessToken, token_type: "bearer", expires_in: expiresIn, expires_at: iat + expiresIn, refresh_token: refreshToken, user: userJson(user) };
  }

  /** The bearer's session and user, as GoTrue checks them: signature, expiry, live session. */
  async function authenticate(req: IncomingMessage) {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const claims = verify(token);
    if (typeof claims.sub !== "string" || typeof claims.session_id !== "string") {
      throw new HttpError(403, "bad_jwt", "invalid claim: missing sub or session_id claim");
    }
    const [session] = await db`select 1 from auth.sessions where id = ${claims.session_id} and user_id = ${claims.sub}`;
    if (!session) throw new HttpError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
    const user = await userById(claims.sub);
    if (!user) throw new HttpError(403, "user_not_found", "User from sub claim in JWT does not exist");
    return { user, sessionId: claims.session_id };
  }

  // GoTrue keeps a hash of the one-time code; the mail carries the same hash ({{ .TokenHash }}).
  const tokenHash = (email: string) => createHash("sha224").update(email + String(randomInt(0, 1_000_000)).padStart(6, "0")).digest("hex");

  const routes: Record<string, (req: IncomingMessage, body: Record<string, unknown>, url: URL) => Promise<unknown>> = {
    async "POST /auth/v1/signup"(_req, body, url) {
      const email = String(body.email ?? "").toLowerCase();
      const [existing] = await db<UserRow[]>`select * from auth.users where email = ${email}`;
      if (existing) {
        // With confirmations on, GoTrue answers a taken address with a look-alike user without identities.
        return { ...userJson({ ...existing, id: randomUUID() }), identities: [], user_metadata: {}, app_metadata: {} };
      }
      const hash = tokenHash(email);
      const [user] = await db<UserRow[]>`
        insert into auth.users (instance_id, id, aud, role, email, encrypted_password, confirmation_token, confirmation_sent_at,
                                raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
        values ('00000000-0000-0000-0000-000000000000', ${randomUUID()}, 'authenticated', 'authenticated', ${email},
                ${await bcrypt.hash(String(body.password ?? ""), 10)}, ${hash}, now(),
                ${db.json({ provider: "email", providers: ["email"] })}, ${db.json((body.data ?? {}) as postgres.JSONValue)}, now(), now())
        returning *`;
      mails.push({ type: "signup", email, tokenHash: hash, redirectTo: url.searchParams.get("redirect_to") });
      return userJson(user!);
    },

    async "POST /auth/v1/token"(req, body, url) {
      const grant = url.searchParams.get("grant_type");
      if (grant === "password") {
        const [user] = await db<UserRow[]>`select * from auth.users where email = ${String(body.email ?? "")} and deleted_at is null`;
        const valid = user && (await bcrypt.compare(String(body.password ?? ""), user.encrypted_password));
        if (!user || !valid) throw new HttpError(400, "invalid_credentials", "Invalid login credentials");
        if (!user.email_confirmed_at) throw new HttpError(400, "email_not_confirmed", "Email not confirmed");
        const [signedIn] = await db<UserRow[]>`update auth.users set last_sign_in_at = now() where id = ${user.id} returning *`;
        return issueSession(signedIn!, req);
      }
      if (grant === "refresh_token") {
        const stored = refreshTokens.get(String(body.refresh_token ?? ""));
        const user = stored && !stored.revoked ? await userById(stored.userId) : undefined;
        const [session] = stored ? await db`select 1 from auth.sessions where id = ${stored.sessionId}` : [];
        if (!stored || !user || !session) throw new HttpError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
        stored.revoked = true;
        return issueSession(user, req, stored.sessionId);
      }
      throw new HttpError(400, "validation_failed", "unsupported_grant_type");
    },

    async "GET /auth/v1/user"(req) {
      return userJson((await authenticate(req)).user);
    },

    async "PUT /auth/v1/user"(req, body) {
      const { user } = await authenticate(req);
      if (typeof body.password === "string") {
        if (await bcrypt.compare(body.password, user.encrypted_password)) {
          throw new HttpError(422, "same_password", "New password should be different from the old password.");
        }
        await db`update auth.users set encrypted_password = ${await bcrypt.hash(body.password, 10)}, updated_at = now() where id = ${user.id}`;
      }
      return userJson((await userById(user.id))!);
    },

    async "POST /auth/v1/logout"(req, _body, url) {
      const { user, sessionId } = await authenticate(req);
      const scope = url.searchParams.get("scope") ?? "global";
      const ended = await db<{ id: string }[]>`
        delete from auth.sessions
         where user_id = ${user.id}
           and (${scope} = 'global' or (${scope} = 'local' and id = ${sessionId}) or (${scope} = 'others' and id <> ${sessionId}))
        returning id`;
      const endedIds = new Set(ended.map((s) => s.id));
      for (const token of refreshTokens.values()) if (endedIds.has(token.sessionId)) token.revoked = true;
      return null;
    },

    async "POST /auth/v1/recover"(_req, body, url) {
      const email = String(body.email ?? "");
      const hash = tokenHash(email);
      const [user] = await db`update auth.users set recovery_token = ${hash}, recovery_sent_at = now(), updated_at = now()
                              where email = ${email} and deleted_at is null returning id`;
      if (user) mails.push({ type: "recovery", email, tokenHash: hash, redirectTo: url.searchParams.get("redirect_to") });
      return {};
    },

    async "POST /auth/v1/verify"(req, body) {
      const hash = String(body.token_hash ?? "");
      if (!hash) throw new HttpError(403, "otp_expired", "Email link is invalid or has expired");
      let user: UserRow | undefined;
      if (body.type === "email" || body.type === "signup") {
        [user] = await db<UserRow[]>`
          update auth.users set email_confirmed_at = now(), confirmation_token = '', updated_at = now()
           where confirmation_token = ${hash} and confirmation_sent_at > now() - make_interval(hours => ${VERIFY_HOURS})
          returning *`;
      } else if (body.type === "recovery") {
        [user] = await db<UserRow[]>`
          update auth.users set recovery_token = '', email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
           where recovery_token = ${hash} and recovery_sent_at > now() - make_interval(mins => ${RECOVERY_MINUTES})
          returning *`;
      } else {
        throw new HttpError(400, "validation_failed", "Verify requires a verification type");
      }
      if (!user) throw new HttpError(403, "otp_expired", "Email link is invalid or has expired");
      return issueSession(user, req);
    },
  };

  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", issuer);
    const key = `${req.method} ${url.pathname}`;
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    requests.push({ method: req.method ?? "", path: url.pathname + url.search, email: typeof body.email === "string" ? body.email : undefined });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json", "X-Supabase-Api-Version": API_VERSION });
      res.end(json === null ? undefined : JSON.stringify(json));
    };
    try {
      if (req.headers.apikey !== anonKey) throw new HttpError(401, "no_authorization", "No API key found in request");
      const route = routes[key];
      if (!route) throw new HttpError(404, "not_found", `fake Supabase Auth does not implement ${key}`);
      const result = await route(req, body, url);
      reply(result === null ? 204 : 200, result);
    } catch (error) {
      if (error instanceof HttpError) reply(error.status, { code: error.code, message: error.message });
      else reply(500, { code: "unexpected_failure", message: String(error) });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${url}/auth/v1`;

  return {
    url,
    anonKey,
    options,
    requests,
    mails,
    /** The newest mail of a kind to an address. */
    mailTo(email: string, type: FakeMail["type"]) {
      const mail = mails.findLast((m) => m.email === email && m.type === type);
      if (!mail) throw new Error(`fake Supabase Auth sent no ${type} mail to ${email}`);
      return mail;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.end({ timeout: 5 });
    },
  };
}

export type FakeSupabaseAuth = Awaited<ReturnType<typeof startFakeSupabaseAuth>>;
