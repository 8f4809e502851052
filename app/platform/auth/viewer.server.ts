import { readAlone, type Claims } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";
import { oncePerRequest } from "~/platform/http/request-scope.server";
import { cookieJar } from "./cookie-jar.server";
import { headerLinkHrefsOfUserRow, headerLinks, type HeaderLink } from "./header-links.server";
import { authProvider } from "./provider.server";

export type Membership = { orgId: string; slug: string; kind: string; nameVi: string; nameEn: string; role: string };
export type StartupMembership = { startupId: string; slug: string; name: string; role: string };

/** Who is asking: verified claims plus what the shell needs (name, language, zone, roles). */
export type Viewer = {
  claims: Claims;
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  timeZone: string;
  avatarPath: string | null;
  isAdmin: boolean;
  memberships: Membership[];
  startups: StartupMembership[];
  /** The header's entries that capabilities registered and this viewer gets (e.g. Review for guest judges too). */
  links: HeaderLink[];
};

type Row = {
  user_id: string;
  email: string;
  app_meta: Record<string, unknown> | null;
  user_meta: Record<string, unknown> | null;
  display_name: string | null;
  locale: Locale | null;
  time_zone: string | null;
  avatar_path: string | null;
  is_admin: boolean;
  memberships: Membership[];
  startups: StartupMembership[];
  link_hrefs: (string | null)[];
};

/**
 * One statement: the user (by a session of ours, or by the id Supabase Auth verified), their
 * profile, every role they hold and the header links capabilities registered for them. Sent alone,
 * without a transaction around it (`readAlone`): every signed-in page pays this read.
 */
function loadRow(key: { sessionId: string } | { userId: string }) {
  return readAlone(async (tx) => {
    const [row] = await tx<Row[]>`
    select u.id as user_id, u.email, u.raw_app_meta_data as app_meta, u.raw_user_meta_data as user_meta,
           p.display_name, p.locale, p.time_zone, p.avatar_path,
           exists (select 1 from public.platform_admins a where a.user_id = u.id) as is_admin,
           coalesce((select json_agg(json_build_object('orgId', o.id, 'slug', o.slug, 'kind', o.kind,
                       'nameVi', o.name_vi, 'nameEn', o.name_en, 'role', m.role) order by o.name_en, m.role)
                     from public.memberships m join public.organisations o on o.id = m.org_id
                     where m.user_id = u.id), '[]') as memberships,
           coalesce((select json_agg(json_build_object('startupId', s.id, 'slug', s.slug, 'name', s.name,
                       'role', sm.role) order by s.name)
                     from public.startup_members sm join public.startups s on s.id = sm.startup_id
                     where sm.user_id = u.id), '[]') as startups,
           -- in this one statement, not one more per page
           ${headerLinkHrefsOfUserRow(tx)} as link_hrefs
      from auth.users u
      left join public.profiles p on p.id = u.id
     where ${
       "sessionId" in key
         ? tx`u.id = (select se.user_id from auth.sessions se
                       where se.id = ${key.sessionId} and (se.not_after is null or se.not_after > now()))`
         : tx`u.id = ${key.userId}`
     }
       and u.deleted_at is null and (u.banned_until is null or u.banned_until < now())`;
    return row ?? null;
  });
}

/** The local provider's viewer: claims are built from the session row and the user. */
export async function loadViewerBySession(sessionId: string): Promise<Viewer | null> {
  const row = await loadRow({ sessionId });
  return row && toViewer(row, claimsOf(row, sessionId));
}

/** Supabase's viewer: the Auth server verified the claims; profile and roles come from our tables. */
export async function loadViewerByClaims(claims: Claims): Promise<Viewer | null> {
  const row = await loadRow({ userId: claims.sub });
  return row && toViewer(row, claims);
}

function claimsOf(row: Row, sessionId: string): Claims {
  return {
    sub: row.user_id,
    email: row.email,
    role: "authenticated",
    session_id: sessionId,
    aal: "aal1",
    app_metadata: row.app_meta ?? {},
    user_metadata: row.user_meta ?? {},
  };
}

function toViewer(row: Row, claims: Claims): Viewer {
  return {
    claims,
    id: row.user_id,
    email: claims.email,
    displayName: row.display_name ?? row.email,
    locale: row.locale ?? "vi",
    timeZone: row.time_zone ?? "Asia/Ho_Chi_Minh",
    avatarPath: row.avatar_path,
    isAdmin: row.is_admin,
    memberships: row.memberships,
    startups: row.startups,
    links: headerLinks(row.link_hrefs),
  };
}

// Root and route loaders of one request share the lookup.
export function getViewer(request: Request): Promise<Viewer | null> {
  const lookup = async () => {
    const session = await authProvider().readSession(cookieJar(request));
    if (!session) return null;
    return "sessionId" in session ? loadViewerBySession(session.sessionId) : loadViewerByClaims(session.claims);
  };
  // The loaders of one request share the lookup. An action looks up afresh, as it may change what
  // the loaders after it must see (a new language, a new role).
  if (request.method !== "GET") return lookup();
  return oncePerRequest(request, `viewer:${request.headers.get("Cookie") ?? ""}`, lookup);
}
