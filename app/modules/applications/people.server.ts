import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";

// Names, addresses and languages of people the viewer may not read under RLS (a founder's
// profile, a reviewer's address): read through the service path, inside the caller's
// transaction, only after the caller has checked that the viewer manages the call concerned.
export type Recipient = { userId: string; email: string; locale: Locale; name: string };

/** Mail recipients by user id: address, language and name. */
export function recipientsOf(tx: Tx, userIds: string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return asServiceWithin(
    tx,
    (t) => t<Recipient[]>`
      select u.id as "userId", u.email, coalesce(p.locale, 'vi') as locale, coalesce(p.display_name, u.email) as name
        from auth.users u left join public.profiles p on p.id = u.id
       where u.id = any(${t.array(userIds)}::uuid[])`,
  );
}

/** The founders of the given startups, with address and language. */
export function foundersOf(tx: Tx, startupIds: string[]): Promise<(Recipient & { startupId: string })[]> {
  if (startupIds.length === 0) return Promise.resolve([]);
  return asServiceWithin(
    tx,
    (t) => t<(Recipient & { startupId: string })[]>`
      select m.startup_id as "startupId", u.id as "userId", u.email, coalesce(p.locale, 'vi') as locale,
             coalesce(p.display_name, u.email) as name
        from public.startup_members m join auth.users u on u.id = m.user_id left join public.profiles p on p.id = u.id
       where m.startup_id = any(${t.array(startupIds)}::uuid[]) and m.role = 'founder'
       order by m.startup_id, p.display_name`,
  );
}

/** Display names by user id (people who acted on an application, founders of a cohort). */
export async function displayNames(tx: Tx, userIds: string[]): Promise<Record<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return {};
  const rows = await asServiceWithin(
    tx,
    (t) => t<{ id: string; name: string }[]>`
      select id, display_name as name from public.profiles where id = any(${t.array(ids)}::uuid[])`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Founders' names per startup (startup_members and profiles are private to the startup). */
export async function founderNamesOf(tx: Tx, startupIds: string[]): Promise<Record<string, string[]>> {
  if (startupIds.length === 0) return {};
  const rows = await asServiceWithin(
    tx,
    (t) => t<{ startup_id: string; names: string[] }[]>`
      select m.startup_id, array_agg(coalesce(p.display_name, '—') order by m.created_at) as names
        from public.startup_members m left join public.profiles p on p.id = m.user_id
       where m.startup_id = any(${t.array(startupIds)}::uuid[]) and m.role = 'founder'
       group by m.startup_id`,
  );
  return Object.fromEntries(rows.map((r) => [r.startup_id, r.names]));
}
