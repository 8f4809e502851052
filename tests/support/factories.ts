import { randomBytes } from "node:crypto";
import * as local from "~/platform/auth/local-provider.server";
import { asService, type Claims } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";

// Factories create exactly what a test needs, with unique names; no test depends on demo data.
const uid = () => randomBytes(4).toString("hex");

export type TestUser = { id: string; email: string; password: string; name: string; claims: Claims; sessionId: string };

export async function createUser(opts: { locale?: Locale; verified?: boolean; name?: string; email?: string } = {}): Promise<TestUser> {
  const email = opts.email ?? `user-${uid()}@example.test`;
  const password = `pw-${uid()}-long-enough`;
  const name = opts.name ?? `Test User ${uid()}`;
  return asService(async (tx) => {
    const created = await local.createUser(tx, { email, password, displayName: name, locale: opts.locale ?? "en" });
    if ("conflict" in created) throw new Error(`factory: ${email} exists`);
    if (opts.verified !== false) await tx`update auth.users set email_confirmed_at = now() where id = ${created.userId}`;
    const sessionId = await local.createSession(tx, created.userId, { ip: "127.0.0.1", userAgent: "vitest" });
    return { id: created.userId, email, password, name, sessionId, claims: claimsFor(created.userId, email, sessionId) };
  });
}

export function claimsFor(sub: string, email: string, sessionId = "00000000-0000-0000-0000-000000000000"): Claims {
  return { sub, email, role: "authenticated", session_id: sessionId, aal: "aal1", app_metadata: {}, user_metadata: {} };
}

export async function createOrg(opts: { kind?: string } = {}) {
  const slug = `org-${uid()}`;
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`
      insert into public.organisations (slug, kind, name_vi, name_en)
      values (${slug}, ${opts.kind ?? "incubator"}, ${"Tổ chức " + slug}, ${"Organisation " + slug}) returning id`,
  );
  return { id: row!.id, slug };
}

export async function addMember(orgId: string, userId: string, role: string) {
  await asService((tx) => tx`insert into public.memberships (org_id, user_id, role) values (${orgId}, ${userId}, ${role})`);
}

export async function createStartup(founderId: string) {
  const slug = `startup-${uid()}`;
  return asService(async (tx) => {
    const [row] = await tx<{ id: string }[]>`insert into public.startups (slug, name) values (${slug}, ${slug}) returning id`;
    await tx`insert into public.startup_members (startup_id, user_id, role) values (${row!.id}, ${founderId}, 'founder')`;
    return { id: row!.id, slug };
  });
}

export async function makeAdmin(userId: string) {
  await asService((tx) => tx`insert into public.platform_admins (user_id) values (${userId})`);
}

/** Mails queued for an address, newest first. */
export function outboxFor(email: string) {
  return asService(
    (tx) => tx<{ id: string; template: string; locale: string; subject: string; html: string; text_body: string; status: string }[]>`
      select id, template, locale, subject, html, text_body, status from public.email_outbox
       where to_email = ${email} order by created_at desc`,
  );
}

/** The first link in a mail's text that starts with the given path. */
export function linkIn(text: string, pathPrefix: string): string {
  const match = text.match(new RegExp(`https?://[^\\s"<>]*${pathPrefix.replace(/\//g, "\\/")}[^\\s"<>\\])]*`));
  if (!match) throw new Error(`no ${pathPrefix} link in mail`);
  return match[0];
}
