import { asService, type Claims } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";
import { sessionCookie } from "./cookie.server";

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
};

/** One statement: the session, the user, their profile and every role they hold. */
export async function loadViewerBySession(sessionId: string): Promise<Viewer | null> {
  const [row] = await asService(
    (tx) => tx<Row[]>`
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
                     where sm.user_id = u.id), '[]') as startups
      from auth.sessions se
      join auth.users u on u.id = se.user_id
      left join public.profiles p on p.id = u.id
     where se.id = ${sessionId} and (se.not_after is null or se.not_after > now())
       and u.deleted_at is null and (u.banned_until is null or u.banned_until < now())`,
  );
  if (!row) return null;
  return toViewer(row, sessionId);
}

function toViewer(row: Row, sessionId: string): Viewer {
  return {
    claims: {
      sub: row.user_id,
      email: row.email,
      role: "authenticated",
      session_id: sessionId,
      aal: "aal1",
      app_metadata: row.app_meta ?? {},
      user_metadata: row.user_meta ?? {},
    },
    id: row.user_id,
    email: row.email,
    displayName: row.display_name ?? row.email,
    locale: row.locale ?? "vi",
    timeZone: row.time_zone ?? "Asia/Ho_Chi_Minh",
    avatarPath: row.avatar_path,
    isAdmin: row.is_admin,
    memberships: row.memberships,
    startups: row.startups,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Root and route loaders of one request share the lookup.
const perRequest = new WeakMap<Request, Promise<Viewer | null>>();

export function getViewer(request: Request): Promise<Viewer | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = (async () => {
      const sid: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
      return typeof sid === "string" && UUID.test(sid) ? loadViewerBySession(sid) : null;
    })();
    perRequest.set(request, pending);
  }
  return pending;
}
