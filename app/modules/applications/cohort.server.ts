import { asUser, type Claims } from "~/platform/db/transaction.server";
import { managedCall, type ManagedCall } from "./managed-call.server";
import { founderNamesOf } from "./people.server";

export type CohortMember = {
  startupId: string;
  name: string;
  slug: string;
  sector: string;
  stage: string;
  website: string | null;
  joinedAt: string;
  code: string | null;
  founders: string[];
};

export type CohortPage = { call: ManagedCall; members: CohortMember[] };

/**
 * The programme's cohort, seen from one of its calls: startups, their founders, stage and sector.
 * Founders' names come through the service path (their profiles are private), after the guard.
 */
export function cohortPage(claims: Claims, callId: string): Promise<CohortPage | null> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    if (!call) return null;
    const [row] = await tx<{ members: Omit<CohortMember, "founders">[] }[]>`
      select coalesce(json_agg(json_build_object(
               'startupId', s.id, 'name', s.name, 'slug', s.slug, 'sector', s.sector, 'stage', s.stage, 'website', s.website,
               'joinedAt', c.joined_at, 'code', a.code) order by s.name), '[]') as members
        from public.cohort_members c
        join public.startups s on s.id = c.startup_id
        -- cohort_members.application_id is not readable (it would unmask blind review):
        -- the application is the startup's accepted one in a call of this programme
        left join lateral (
          select a.code from public.applications a join public.calls k on k.id = a.call_id
           where a.startup_id = c.startup_id and k.program_id = c.program_id and a.decision = 'accepted'
           order by a.decided_at desc limit 1) a on true
       where c.program_id = ${call.programId}`;
    const names = await founderNamesOf(tx, row!.members.map((m) => m.startupId));
    return { call, members: row!.members.map((m) => ({ ...m, founders: names[m.startupId] ?? [] })) };
  });
}
