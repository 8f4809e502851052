import { randomBytes } from "node:crypto";
import { ConflictError, NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { removeUnusedFile } from "~/platform/storage/files.server";
import { affiliationOf, organisationChoices, type OrgChoice } from "./affiliation.server";
import type { StartupInput } from "./schema";

export type StartupProfile = {
  id: string;
  slug: string;
  name: string;
  sector: string;
  stage: string;
  website: string | null;
  descriptionVi: string;
  descriptionEn: string;
  logoPath: string | null;
};
export type StartupMember = { userId: string; displayName: string; role: string };
export type PendingCofounder = { id: string; email: string; expiresAt: string };

/** A readable, unique address: the name's letters without accents, plus a short random tail. */
export function slugFor(name: string) {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return `${base.length >= 2 ? base : "startup"}-${randomBytes(3).toString("hex")}`;
}

/** Create a startup; the database makes the viewer its first founder in the same statement. */
export async function createStartup(claims: Claims, input: StartupInput, logoPath?: string): Promise<{ slug: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await asUser(claims, async (tx) => {
        const slug = slugFor(input.name);
        await tx`
          insert into public.startups (slug, name, sector, stage, website, description_vi, description_en, logo_path)
          values (${slug}, ${input.name}, ${input.sector}, ${input.stage}, ${input.website ?? null},
                  ${input.descriptionVi}, ${input.descriptionEn}, ${logoPath ?? null})`;
        return { slug };
      });
    } catch (error) {
      // a slug taken by chance: draw another
      if (error instanceof ConflictError && error.constraint === "startups_slug_key" && attempt < 3) continue;
      // no startup, so no use for its new logo
      await removeUnusedFile(logoPath);
      throw error;
    }
  }
}

/**
 * Edit a startup's profile; RLS lets only its members change it: not found for anyone else. A new
 * logo's predecessor is removed from the store once the new path is committed, never before.
 */
export async function updateStartup(claims: Claims, slug: string, input: StartupInput, logoPath?: string): Promise<void> {
  let rows: { previous: string | null }[];
  try {
    rows = await asUser(
      claims,
      (tx) => tx<{ previous: string | null }[]>`
        update public.startups s
           set name = ${input.name}, sector = ${input.sector}, stage = ${input.stage}, website = ${input.website ?? null},
               description_vi = ${input.descriptionVi}, description_en = ${input.descriptionEn},
               logo_path = coalesce(${logoPath ?? null}, s.logo_path)
          from (select id, logo_path from public.startups where slug = ${slug} for update) before
         where s.id = before.id and public.is_startup_member(s.id)
        returning before.logo_path as previous`,
    );
  } catch (error) {
    await removeUnusedFile(logoPath);
    throw error;
  }
  if (rows.length !== 1) {
    await removeUnusedFile(logoPath);
    throw new NotFoundError();
  }
  if (logoPath && rows[0]!.previous !== logoPath) await removeUnusedFile(rows[0]!.previous);
}

/**
 * A startup's page: the public profile and its affiliation for anyone; its team, pending
 * co-founder invitations and the organisations it may name for its members (RLS hides the team
 * and invitations from others). One transaction.
 */
export function startupPage(claims: Claims | null, slug: string) {
  return asUser(claims, async (tx) => {
    const [startup] = await tx<(StartupProfile & { isMember: boolean })[]>`
      select id, slug, name, sector, stage, website, description_vi as "descriptionVi", description_en as "descriptionEn",
             logo_path as "logoPath", ${claims ? tx`public.is_startup_member(id)` : tx`false`} as "isMember"
        from public.startups where slug = ${slug}`;
    if (!startup) throw new NotFoundError();
    const affiliation = await affiliationOf(tx, startup.id);
    if (!startup.isMember) return { startup, affiliation, members: [] as StartupMember[], invites: [] as PendingCofounder[], organisations: [] as OrgChoice[] };
    const [members, invites, organisations] = await Promise.all([
      tx<StartupMember[]>`
        select m.user_id as "userId", coalesce(p.display_name, '—') as "displayName", m.role
          from public.startup_members m left join public.profiles p on p.id = m.user_id
         where m.startup_id = ${startup.id} order by m.created_at`,
      tx<PendingCofounder[]>`
        select id, email, expires_at as "expiresAt" from public.startup_invitations
         where startup_id = ${startup.id} and accepted_at is null and expires_at > now() order by created_at desc`,
      organisationChoices(tx),
    ]);
    return { startup, affiliation, members, invites, organisations };
  });
}

/** The logo's stored name, for anyone (startups are a public directory); not found when none. */
export async function logoOf(slug: string): Promise<string> {
  // a slug's shape is checked before any query: anything else names no startup
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) throw new NotFoundError();
  const [row] = await asUser(null, (tx) => tx<{ logo_path: string | null }[]>`select logo_path from public.startups where slug = ${slug}`);
  if (!row?.logo_path) throw new NotFoundError();
  return row.logo_path;
}
