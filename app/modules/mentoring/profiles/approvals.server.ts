import { invite } from "~/modules/identity/invitations.server";
import { audit } from "~/platform/audit/audit.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";
import { approvedMentors, type MentorCard } from "../match/candidates.server";
import { managedProgramme, type ManagedProgramme, type MatchMode } from "../match/programme.server";

// A programme's mentors, for its managers: the organisation's people with the mentor role, who
// is approved, approving and withdrawing (RLS: program_mentors_insert/delete), inviting someone
// new by address (the organisation's invitation with the mentor role, mailed in their language),
// and how the programme matches.

export type Candidate = { id: string; name: string; hasProfile: boolean; expertise: string[]; maxStartups: number | null };
export type MentorsPage = {
  programme: ManagedProgramme;
  approved: MentorCard[];
  /** Mentors of the organisation not approved yet (those without a profile cannot be, until they write one). */
  candidates: Candidate[];
  invited: { email: string; expiresAt: string }[];
};

export function programmeMentorsPage(claims: Claims, programmeId: string): Promise<MentorsPage> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    const approved = await approvedMentors(tx, programme.id);
    const candidates = await tx<Candidate[]>`
      select m.user_id as id, coalesce(pr.display_name, '') as name, (p.user_id is not null) as "hasProfile",
             coalesce(p.expertise, '{}') as expertise, p.max_startups as "maxStartups"
        from public.memberships m left join public.profiles pr on pr.id = m.user_id
        left join public.mentor_profiles p on p.user_id = m.user_id
       where m.org_id = ${programme.orgId} and m.role = 'mentor'
         and not exists (select 1 from public.program_mentors pm where pm.program_id = ${programme.id} and pm.mentor_id = m.user_id)
       order by pr.display_name`;
    const invited = await tx<MentorsPage["invited"]>`
      select email, expires_at as "expiresAt" from public.invitations
       where org_id = ${programme.orgId} and role = 'mentor' and accepted_at is null and expires_at > now() order by created_at desc`;
    return { programme, approved, candidates, invited };
  });
}

export type ApprovalOutcome = "approved" | "withdrawn" | "no_profile" | "unchanged";

/** Approves a mentor of the organisation who has written a profile; RLS refuses anyone else. */
export function approveMentor(claims: Claims, programmeId: string, mentorId: string): Promise<ApprovalOutcome> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    const [eligible] = await tx<{ ok: boolean }[]>`
      select exists (select 1 from public.memberships m join public.mentor_profiles p on p.user_id = m.user_id
                      where m.org_id = ${programme.orgId} and m.role = 'mentor' and m.user_id = ${mentorId}) as ok`;
    if (!eligible?.ok) return "no_profile";
    const added = await tx`
      insert into public.program_mentors (program_id, mentor_id) values (${programme.id}, ${mentorId}) on conflict do nothing`;
    return added.count === 1 ? "approved" : "unchanged";
  });
}

/** Withdraws an approval. Startups the mentor already mentors keep them (startup_mentors stays). */
export function withdrawMentor(claims: Claims, programmeId: string, mentorId: string): Promise<ApprovalOutcome> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    const gone = await tx`delete from public.program_mentors where program_id = ${programme.id} and mentor_id = ${mentorId}`;
    // proposals naming the mentor go with the approval
    await tx`delete from public.mentor_proposals where program_id = ${programme.id} and mentor_id = ${mentorId}`;
    return gone.count === 1 ? "withdrawn" : "unchanged";
  });
}

/** Invites someone new to mentor: the organisation's invitation with the mentor role (identity/invitations). */
export async function inviteMentor(claims: Claims, programmeId: string, email: string, locale: Locale): Promise<void> {
  const programme = await asUser(claims, (tx) => managedProgramme(tx, programmeId));
  // the organisation's invitation knows no programme: the programme's log records who was invited for it
  await invite(claims, programme.orgId, { email, role: "mentor" }, locale, (tx) =>
    audit(tx, { orgId: programme.orgId, scopeId: programme.id, subjectType: "programme", subjectId: programme.id, kind: "mentor_invited", detail: { email } }),
  );
}

/** How the programme matches, and how many days a mentor has to answer a request. */
export function setMatchMode(claims: Claims, programmeId: string, mode: MatchMode, requestDays: number): Promise<void> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    await tx`update public.programs set match_mode = ${mode}, request_days = ${requestDays} where id = ${programme.id}`;
  });
}
