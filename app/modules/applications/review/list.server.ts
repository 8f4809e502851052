import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { Bilingual } from "~/platform/i18n/i18n";

export type AssignmentStatus = "assigned" | "submitted" | "abstained" | "recused";

export type AssignmentItem = {
  applicationId: string;
  round: "screening" | "review" | "interview" | "decision";
  status: AssignmentStatus;
  code: string;
  track: Bilingual | null;
  assignedAt: string;
  submittedAt: string | null;
};

export type CallAssignments = {
  callId: string;
  title: Bilingual | null;
  programmeName: Bilingual | null;
  closesAt: string | null;
  timeZone: string | null;
  done: number;
  total: number;
  items: AssignmentItem[];
};

/**
 * The reviewer's assignments across calls, grouped by call, in one statement. The assignments are
 * the reviewer's own rows (RLS); the code and call of an application they recused themselves from
 * come from `my_review_assignment_refs()`, as RLS no longer shows them that application.
 */
export function myAssignments(claims: Claims): Promise<CallAssignments[]> {
  return asUser(claims, async (tx) => {
    const rows = await tx<CallAssignments[]>`
      select ref.call_id as "callId",
             case when c.id is null then null else json_build_object('vi', c.title_vi, 'en', c.title_en) end as title,
             case when p.id is null then null else json_build_object('vi', p.name_vi, 'en', p.name_en) end as "programmeName",
             c.closes_at as "closesAt", c.time_zone as "timeZone",
             (count(*) filter (where r.status <> 'assigned'))::int as done,
             count(*)::int as total,
             json_agg(json_build_object(
               'applicationId', r.application_id, 'round', r.round, 'status', r.status, 'code', ref.code,
               'track', case when t.id is null then null else json_build_object('vi', t.name_vi, 'en', t.name_en) end,
               'assignedAt', r.assigned_at, 'submittedAt', r.submitted_at)
               order by (r.status = 'assigned') desc, ref.code, r.round) as items
        from public.review_assignments r
        join public.my_review_assignment_refs() ref on ref.application_id = r.application_id and ref.round = r.round
        left join public.assigned_applications() a on a.id = r.application_id
        left join public.call_tracks t on t.id = a.track_id
        left join public.calls c on c.id = ref.call_id
        left join public.programs p on p.id = c.program_id
       where r.reviewer_id = (select auth.uid())
       group by ref.call_id, c.id, p.id
       order by (count(*) filter (where r.status = 'assigned') > 0) desc, c.closes_at desc nulls last, ref.call_id`;
    return rows;
  });
}
