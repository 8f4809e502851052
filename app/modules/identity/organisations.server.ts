import { spacesOf } from "~/modules/spaces/list.server";
import { affiliationRequests, type AffiliationRequest } from "~/modules/startups/affiliation.server";
import { upcomingEvents } from "~/modules/events/upcoming.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { paged, type Paged } from "~/platform/db/paged";
import { NotFoundError } from "~/platform/db/errors.server";
import { DEFAULT_LOCALE, type Locale } from "~/platform/i18n/i18n";

export type OrgSummary = {
  id: string;
  slug: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
};

/** An organisation as the lists show it (the directory, the home page): name and description in the viewer's language only. */
export type OrgCard = { id: string; slug: string; kind: string; name: string; description: string };

export type OrgMember = { userId: string; displayName: string; role: string };
export type PendingInvite = { id: string; email: string; role: string; expiresAt: Date };

export const DIRECTORY_PAGE_SIZE = 24;
const HOME_ORGS = 8;

export type DirectoryQuery = { q: string; kind: string | null; page: number };

const summary = (tx: Tx) => tx`
  id, slug, kind, name_vi as "nameVi", name_en as "nameEn", description_vi as "descriptionVi", description_en as "descriptionEn"`;
// A list sends the page only what it shows (decision 008, fourth pass): the language switch is a
// post, after which every loader runs again in the new language.
const card = (tx: Tx, locale: Locale) =>
  locale === "vi" ? tx`id, slug, kind, name_vi as name, description_vi as description` : tx`id, slug, kind, name_en as name, description_en as description`;

/** The directory of the region's organisations: by kind, then name; searched by either name; a page at a time. */
export function listOrganisations(claims: Claims | null, query: DirectoryQuery, locale: Locale = DEFAULT_LOCALE): Promise<Paged<OrgCard>> {
  // the search is a literal: % and _ typed by the visitor match themselves
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return asUser(claims, async (tx) => {
    const rows = await tx<(OrgCard & { total: number })[]>`
      select ${card(tx, locale)}, count(*) over ()::int as total
        from public.organisations
       where (${pattern}::text is null or name_vi ilike ${pattern} or name_en ilike ${pattern})
         and (${query.kind}::public.org_kind is null or kind = ${query.kind}::public.org_kind)
       order by kind, name_en, id
       limit ${DIRECTORY_PAGE_SIZE} offset ${(query.page - 1) * DIRECTORY_PAGE_SIZE}`;
    return paged(rows, query.page);
  });
}

/** The public home page: the first organisations of the directory, how many there are, and the next events. */
export function regionOverview(claims: Claims | null, locale: Locale) {
  return asUser(claims, async (tx) => {
    const [orgs, events] = await Promise.all([
      tx<(OrgCard & { total: number })[]>`
        select ${card(tx, locale)}, count(*) over ()::int as total from public.organisations order by kind, name_en, id limit ${HOME_ORGS}`,
      upcomingEvents(tx, locale),
    ]);
    const { rows, total } = paged(orgs, 1);
    return { orgs: rows, orgCount: total, events };
  });
}

export const ROSTER_PAGE_SIZE = 50;

/**
 * An organisation's page: public facts for anyone; its roster for members (`org_roster()`);
 * pending invitations and startups' affiliation requests for managers; each list a page at a time. The database decides who
 * sees what, so the queries are the same for everybody.
 */
export async function organisationPage(claims: Claims | null, slug: string, pages: { members: number; invites: number } = { members: 1, invites: 1 }) {
  return asUser(claims, async (tx) => {
    const [org] = await tx<OrgSummary[]>`select ${summary(tx)} from public.organisations where slug = ${slug}`;
    if (!org) throw new NotFoundError();
    const empty = <T>(): Paged<T> => ({ rows: [], total: 0, page: 1 });
    if (!claims) {
      return { org, spaces: await spacesOf(tx, org.id), members: empty<OrgMember>(), invites: empty<PendingInvite>(), affiliations: [] as AffiliationRequest[], canManage: false, isMember: false };
    }
    const [spaces, members, invites, affiliations, [me]] = await Promise.all([
      spacesOf(tx, org.id),
      tx<(OrgMember & { total: number })[]>`
        select user_id as "userId", display_name as "displayName", role, total
          from public.org_roster(${org.id}, ${ROSTER_PAGE_SIZE}, ${(pages.members - 1) * ROSTER_PAGE_SIZE})`,
      tx<(PendingInvite & { total: number })[]>`
        select id, email, role, expires_at as "expiresAt", count(*) over ()::int as total from public.invitations
         where org_id = ${org.id} and accepted_at is null and expires_at > now() order by created_at desc, id
         limit ${ROSTER_PAGE_SIZE} offset ${(pages.invites - 1) * ROSTER_PAGE_SIZE}`,
      affiliationRequests(tx, org.id),
      tx<{ can_manage: boolean; is_member: boolean }[]>`
        select public.has_org_role(${org.id}, '{manager}') or public.is_platform_admin() as can_manage,
               public.is_org_member(${org.id}) as is_member`,
    ]);
    return { org, spaces, members: paged(members, pages.members), invites: paged(invites, pages.invites), affiliations, canManage: !!me?.can_manage, isMember: !!me?.is_member };
  });
}
