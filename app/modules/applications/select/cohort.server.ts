import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { requireId } from "~/platform/ids.server";
import { managedCall, type ManagedCall } from "../managed-call.server";
import { founderNamesOf } from "../people.server";
import type { Bilingual } from "~/platform/i18n/i18n";

// A programme's cohort: the startups that confirmed an offer of one of its calls. The cohort
// belongs to the programme; the calls' pages show the same list.
export type CohortMember = {
  startupId: string;
  name: string;
  slug: string;
  sector: string;
  stage: string;
  website: string | null;
  joinedAt: string;
  /** The accepted application the startup came through, and its call. */
  code: string | null;
  call: { id: string; title: Bilingual } | null;
  founders: string[];
};

export type CohortPage = { call: ManagedCall; members: CohortMember[] };

/**
 * The members of a programme's cohort, by name, in one statement. Each startup's application is
 * found among the applications the viewer may read (RLS: the programme's managers read all), never
 * through `cohort_members.application_id`, which users may not read (it ties a blind-reviewed
 * application to its startup): the accepted application of the startup in a call of the programme,
 * the confirmed one that brought it in first. Founders' names come through the service path
 * (their profiles are private); call this only after checking that the viewer manages the programme.
 */
async function cohortMembers(tx: Tx, programmeId: string): Promise<CohortMember[]> {
  const [row] = await tx<{ members: Omit<CohortMember, "founders">[] }[]>`
    select coalesce(json_agg(json_build_object(
             'startupId', s.id, 'name', s.name, 'slug', s.slug, 'sector', s.sector, 'stage', s.stage, 'website', s.website,
             'joinedAt', m.joined_at, 'code', via.code, 'call', via.call) order by s.name, s.id), '[]') as members
      from public.cohort_members m
      join public.startups s on s.id = m.startup_id
      left join lateral (
        select a.code, json_build_object('id', c.id, 'title', json_build_object('vi', c.title_vi, 'en', c.title_en)) as call
          from public.applications a join public.calls c on c.id = a.call_id
         where a.startup_id = m.startup_id and c.program_id = m.program_id and a.decision = 'accepted'
         order by a.offer_response = 'confirmed' desc nulls last, a.responded_at nulls last, a.decided_at
         limit 1
      ) via on true
     where m.program_id = ${programmeId}`;
  const names = await founderNamesOf(tx, row!.members.map((m) => m.startupId));
  return row!.members.map((m) => ({ ...m, founders: names[m.startupId] ?? [] }));
}

/** The programme's cohort, seen from one of its calls (the call's managers only, else null: 404). */
export function cohortPage(claims: Claims, callId: string): Promise<CohortPage> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    return { call, members: await cohortMembers(tx, call.programmeId) };
  });
}

export type ProgrammeCohortPage = {
  programme: { id: string; name: Bilingual; orgName: Bilingual };
  members: CohortMember[];
};

/**
 * The cohort page of a programme, for the managers of its organisation and platform admins:
 * 404 for an unknown programme, 403 for anyone else (programmes themselves are public).
 */
export async function programmeCohortPage(claims: Claims, programmeId: string): Promise<ProgrammeCohortPage> {
  const id = requireId(programmeId);
  return asUser(claims, async (tx) => {
    const [programme] = await tx<(ProgrammeCohortPage["programme"] & { manages: boolean })[]>`
      select p.id, json_build_object('vi', p.name_vi, 'en', p.name_en) as name,
             json_build_object('vi', o.name_vi, 'en', o.name_en) as "orgName",
             public.has_org_role(p.org_id, '{manager}') or public.is_platform_admin() as manages
        from public.programs p join public.organisations o on o.id = p.org_id
       where p.id = ${id}`;
    if (!programme) throw new NotFoundError();
    if (!programme.manages) throw new ForbiddenError();
    return { programme: { id: programme.id, name: programme.name, orgName: programme.orgName }, members: await cohortMembers(tx, id) };
  });
}
