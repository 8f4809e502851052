import type { SpaceSummary } from "~/modules/spaces/list.server";
import type { AffiliationRequest } from "~/modules/startups/affiliation.server";
import { upcomingEventsQuery, type UpcomingEvent } from "~/modules/events/upcoming.server";
import { asUser, readAs, readAsVisitor, type Claims, type Statements, type Tx } from "~/platform/db/transaction.server";
import { paged, type Paged } from "~/platform/db/paged";
import { NotFoundError } from "~/platform/db/errors.server";
import { DEFAULT_LOCALE, type Locale } from "~/platform/i18n/i18n";

/** An organisation as the lists show it (the directory, the home page): name and description in the viewer's language only. */
export type OrgCard = { id: string; slug: string; kind: string; name: string; description: string };

// What the page shows of each, and no more (its HTML carries the loader data a second time).
export type OrgMember = { displayName: string; role: string };
export type PendingInvite = { email: string; role: string; expiresAt: Date };

export const DIRECTORY_PAGE_SIZE = 24;
const HOME_ORGS = 8;

export type DirectoryQuery = { q: string; kind: string | null; page: number };

// A list sends the page only what it shows (decision 008, fourth pass): the language switch is a
// post, after which every loader runs again in the new language.
const card = (tx: Statements, locale: Locale) =>
  locale === "vi" ? tx`id, slug, kind, name_vi as name, description_vi as description` : tx`id, slug, kind, name_en as name, description_en as description`;

/**
 * The directory of the region's organisations: by kind, then name; searched by either name; a page at a time.
 * Read as a visitor whoever asks (`readAsVisitor`: one statement alone, no transaction): its one table
 * shows every row to everyone (`organisations_select`, `using (true)` for anon and authenticated,
 * which `tests/integration/directory-as-visitor.test.ts` holds), so a signed-in person's directory
 * is the visitor's, and `anon` has no right `authenticated` lacks (decision 008, eighth pass, policies).
 * `claims` stays for the callers; should organisations ever differ by viewer, read with `readAs(claims, …)` again.
 */
export function listOrganisations(claims: Claims | null, query: DirectoryQuery, locale: Locale = DEFAULT_LOCALE): Promise<Paged<OrgCard>> {
  // the search is a literal: % and _ typed by the visitor match themselves
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return readAsVisitor(async (tx) => {
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

/**
 * The public home page: the first organisations of the directory, how many there are, and the next
 * events, in one statement (each list as json, in the order and under the RLS of its own select), so
 * a visitor's page is one read alone (decision 008, seventh pass).
 */
export function regionOverview(claims: Claims | null, locale: Locale) {
  return readAs(claims, async (tx) => {
    const [row] = await tx<{ orgs: OrgCard[]; total: number; events: (Omit<UpcomingEvent, "startsAt"> & { startsAt: string })[] }[]>`
      select coalesce((select json_agg(o) from (select ${card(tx, locale)} from public.organisations order by kind, name_en, id limit ${HOME_ORGS}) o), '[]') as orgs,
             (select count(*)::int from public.organisations) as total,
             coalesce((select json_agg(e) from (${upcomingEventsQuery(tx, locale)}) e), '[]') as events`;
    const { orgs, total, events } = row!;
    return { orgs, orgCount: total, events: events.map((e) => ({ ...e, startsAt: new Date(e.startsAt) })) };
  });
}

export const ROSTER_PAGE_SIZE = 50;

type PageRow = OrgCard & {
  can_manage: boolean;
  is_member: boolean;
  spaces: SpaceSummary[];
  members: Paged<OrgMember> | null;
  invites: Omit<Paged<Omit<PendingInvite, "expiresAt"> & { expiresAt: string }>, "page"> | null;
  affiliations: AffiliationRequest[] | null;
};

/**
 * An organisation's page: public facts for anyone; its roster for members (`org_roster()`);
 * pending invitations and startups' affiliation requests for managers; each list a page at a time.
 * One statement (decision 008, fifth pass): the organisation by slug, its name and description in the
 * viewer's language, then each list as json in the order the separate reads had (active spaces rooms first;
 * affiliation requests by startup name, at most 200), RLS applying as there. A list is read only for whom the database would
 * answer it (the roster for members and admins, invitations and affiliations for managers and
 * admins); a page beyond the last counts nothing, as `paged` does.
 */
export async function organisationPage(
  claims: Claims | null,
  slug: string,
  pages: { members: number; invites: number } = { members: 1, invites: 1 },
  locale: Locale = DEFAULT_LOCALE,
) {
  return asUser(claims, async (tx) => {
    const [row] = await tx<PageRow[]>`
      select ${card(tx, locale)}, me.can_manage, me.is_member,
             (select coalesce(json_agg(json_build_object(
                       'id', s.id, 'kind', s.kind, 'nameVi', s.name_vi, 'nameEn', s.name_en, 'descriptionVi', s.description_vi,
                       'descriptionEn', s.description_en, 'capacity', s.capacity, 'hourlyPriceVnd', s.hourly_price_vnd::text)
                       order by array_position(array['meeting_room', 'hot_desk', 'lab', 'hall', 'equipment'], s.kind::text), s.name_en), '[]')
                from public.spaces s where s.org_id = o.id and s.active) as spaces,
             ${claims ? signedInLists(tx, pages) : tx`null::json as members, null::json as invites, null::json as affiliations`}
        from public.organisations o
             -- offset 0 keeps the rights one subquery, evaluated once: pulled up, each use of
             -- me.can_manage or me.is_member called (and planned) has_org_role or is_org_member again
             cross join lateral (select ${
               claims
                 ? tx`public.has_org_role(o.id, '{manager}') or public.is_platform_admin() as can_manage, public.is_org_member(o.id) as is_member`
                 : tx`false as can_manage, false as is_member`
             } offset 0) me
       where o.slug = ${slug}`;
    if (!row) throw new NotFoundError();
    const { spaces, members, invites, affiliations, can_manage, is_member, ...org } = row;
    return {
      org,
      spaces,
      members: { ...(members ?? { rows: [], total: 0 }), page: members ? pages.members : 1 },
      invites: invites
        ? { rows: invites.rows.map((i) => ({ ...i, expiresAt: new Date(i.expiresAt) })), total: invites.total, page: pages.invites }
        : { rows: [] as PendingInvite[], total: 0, page: 1 },
      affiliations: affiliations ?? [],
      canManage: can_manage,
      isMember: is_member,
    };
  });
}

// The roster through `org_roster()` (its order kept by `with ordinality`), then for managers the
// open invitations, their page and total from one scan (`count(*) over ()`: the page's top-N sort
// reads every open invitation anyway, and a second scan planned the policy's `my_org_ids()` again;
// a page beyond the last counts 0, as `paged` does), and the startups asking to be affiliated
// (pending, by name, at most 200).
function signedInLists(tx: Tx, pages: { members: number; invites: number }) {
  return tx`
    case when me.is_member or me.can_manage then
      (select json_build_object(
                'rows', coalesce(json_agg(json_build_object('displayName', r.display_name, 'role', r.role) order by r.n), '[]'),
                'total', coalesce(max(r.total), 0))
         from public.org_roster(o.id, ${ROSTER_PAGE_SIZE}, ${(pages.members - 1) * ROSTER_PAGE_SIZE}) with ordinality r(user_id, display_name, role, total, n))
    end as members,
    case when me.can_manage then
      (select json_build_object(
                'rows', coalesce(json_agg(json_build_object('email', i.email, 'role', i.role, 'expiresAt', i.expires_at) order by i.created_at desc, i.id), '[]'),
                'total', coalesce(max(i.total), 0))
         from (select v.email, v.role, v.expires_at, v.created_at, v.id, count(*) over ()::int as total from public.invitations v
                where v.org_id = o.id and v.accepted_at is null and v.expires_at > now() order by v.created_at desc, v.id
                limit ${ROSTER_PAGE_SIZE} offset ${(pages.invites - 1) * ROSTER_PAGE_SIZE}) i)
    end as invites,
    case when me.can_manage then
      (select coalesce(json_agg(json_build_object('startupId', a.id, 'slug', a.slug, 'name', a.name) order by a.name, a.id), '[]')
         from (select s.id, s.slug, s.name from public.startups s where s.org_id = o.id and s.affiliation_status = 'pending'
                order by s.name, s.id limit 200) a)
    end as affiliations`;
}

/**
 * What the organisation page's posts need, without the page: the organisation's id (not found if no
 * organisation has the slug) and, when asked, one startup's pending affiliation request to it, as the
 * page's managers and administrators see it (null otherwise, as the page's list would not hold it).
 */
export function organisationForPost(claims: Claims, slug: string, pendingStartupId: string | null) {
  return asUser(claims, async (tx) => {
    const [row] = await tx<{ id: string; pending: { startupId: string; name: string } | null }[]>`
      select o.id,
             (select json_build_object('startupId', s.id, 'name', s.name) from public.startups s
               where s.id = ${pendingStartupId}::uuid and s.org_id = o.id and s.affiliation_status = 'pending'
                 and (public.has_org_role(o.id, '{manager}') or public.is_platform_admin())) as pending
        from public.organisations o
       where o.slug = ${slug}`;
    if (!row) throw new NotFoundError();
    return row;
  });
}
