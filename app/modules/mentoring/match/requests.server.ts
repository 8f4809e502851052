import postgres from "postgres";
import { NotFoundError } from "~/platform/db/errors.server";
import { asService, asServiceWithin, asUser, type Claims } from "~/platform/db/transaction.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import { approvedMentors, cohortStartups, conflicts, pairKey, scoreOf, type MentorCard, type StartupCard } from "./candidates.server";
import { mailMatches, mailRequest, mailRequestMoved } from "./mails.server";
import type { MatchMode } from "./programme.server";
import { refusalOf } from "./matching.server";
import type { MatchScore } from "./score";

// Requests: a startup ranks mentors, the first is asked, and each mentor accepts or declines
// within the programme's days; declined or run out, the request moves to the next choice
// (decisions/006-mentor-requests.md). The SQL functions check who calls and hold capacity.

export type RequestView = { id: string; mentorId: string; rank: number; status: string; dueAt: string | null };
export type StartupProgramme = {
  id: string;
  name: { vi: string; en: string };
  matchMode: MatchMode;
  requestDays: number;
  startup: StartupCard;
  /** the startup's mentors in every programme, with what they offer */
  mentors: MentorCard[];
  /** mentors the startup may ask (approved, no conflict, not already its mentor), best first */
  options: (MentorCard & { score: MatchScore })[];
  requests: RequestView[];
};
export type StartupMentorsPage = { startup: { id: string; slug: string; name: string }; programmes: StartupProgramme[] };

/** Every programme whose cohort holds the startup, for its members (404 for anyone else). */
export function startupMentorsPage(claims: Claims, slug: string): Promise<StartupMentorsPage> {
  return asUser(claims, async (tx) => {
    const [startup] = await tx<{ id: string; slug: string; name: string; member: boolean }[]>`
      select id, slug, name, public.is_startup_member(id) as member from public.startups where slug = ${slug}`;
    if (!startup?.member) throw new NotFoundError();
    const programmes = await tx<{ id: string; name: { vi: string; en: string }; matchMode: MatchMode; requestDays: number }[]>`
      select p.id, json_build_object('vi', p.name_vi, 'en', p.name_en) as name, p.match_mode as "matchMode", p.request_days as "requestDays"
        from public.cohort_members c join public.programs p on p.id = c.program_id where c.startup_id = ${startup.id} order by p.name_en`;
    const out: StartupProgramme[] = [];
    for (const p of programmes) {
      const approved = await approvedMentors(tx, p.id);
      const [card] = await cohortStartups(tx, p.id, startup.id);
      const banned = await conflicts(tx, p.id);
      const requests = await tx<RequestView[]>`
        select id, mentor_id as "mentorId", rank, status, due_at as "dueAt" from public.mentor_requests
         where program_id = ${p.id} and startup_id = ${startup.id} order by rank`;
      const options = approved
        .filter((m) => !banned.has(pairKey(startup.id, m.id)) && !card!.mentors.includes(m.id))
        .map((m) => ({ ...m, score: scoreOf(m, card!) }))
        .sort((a, b) => b.score.total - a.score.total);
      out.push({ ...p, startup: card!, mentors: approved.filter((m) => card!.mentors.includes(m.id)), options, requests });
    }
    return { startup: { id: startup.id, slug: startup.slug, name: startup.name }, programmes: out };
  });
}

const SEND_REFUSALS: Record<string, string> = {
  not_found: "errors.notFound",
  not_requests: "mentoring.match.errors.notRequests",
  requests_open: "mentoring.match.errors.requestsOpen",
  mentor_not_approved: "mentoring.match.errors.notApproved",
};

/** A founder sends the startup's ranked choices; the first mentor is mailed at once. */
export async function sendRequests(claims: Claims, slug: string, programmeId: string, mentors: string[]): Promise<Outcome> {
  try {
    return await asUser(claims, async (tx) => {
      const [startup] = await tx<{ id: string }[]>`select id from public.startups where slug = ${slug} and public.is_startup_member(id)`;
      if (!startup) throw new NotFoundError();
      const [row] = await tx<{ id: string | null }[]>`select public.send_mentor_requests(${programmeId}, ${startup.id}, ${mentors}::uuid[]) as id`;
      if (row?.id) await mailRequest(tx, row.id);
      return { ok: true as const, value: undefined };
    });
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.message in SEND_REFUSALS) return refused({ choice1: SEND_REFUSALS[error.message]! });
    throw error;
  }
}

export type IncomingRequest = {
  id: string;
  dueAt: string;
  programme: { vi: string; en: string };
  startup: StartupCard;
  score: MatchScore;
};

/** The requests waiting on the viewing mentor, with the startup's needs and how well they fit. */
export function incomingRequests(claims: Claims): Promise<{ requests: IncomingRequest[]; isMentor: boolean }> {
  return asUser(claims, async (tx) => {
    const [me] = await tx<{ ok: boolean }[]>`select exists (select 1 from public.mentor_profiles where user_id = ${claims.sub}) as ok`;
    if (!me?.ok) return { requests: [], isMentor: false };
    const rows = await tx<{ id: string; dueAt: string; programId: string; startupId: string; programme: { vi: string; en: string } }[]>`
      select r.id, r.due_at as "dueAt", r.program_id as "programId", r.startup_id as "startupId",
             json_build_object('vi', p.name_vi, 'en', p.name_en) as programme
        from public.mentor_requests r join public.programs p on p.id = r.program_id
       where r.mentor_id = ${claims.sub} and r.status = 'pending' order by r.due_at`;
    const requests: IncomingRequest[] = [];
    for (const r of rows) {
      const [startup] = await cohortStartups(tx, r.programId, r.startupId);
      const [mentor] = (await approvedMentors(tx, r.programId)).filter((m) => m.id === claims.sub);
      if (startup && mentor) requests.push({ id: r.id, dueAt: r.dueAt, programme: r.programme, startup, score: scoreOf(mentor, startup) });
    }
    return { requests, isMentor: true };
  });
}

/** The mentor accepts (mentor_full when at capacity) or declines; the other side is mailed. */
export async function answerRequest(claims: Claims, requestId: string, accept: boolean): Promise<Outcome<"accepted" | "declined">> {
  try {
    return await asUser(claims, async (tx) => {
      const [row] = await tx<{ next: string | null }[]>`select public.answer_mentor_request(${requestId}, ${accept}) as next`;
      const [r] = await asServiceWithin(
        tx,
        (t) => t<{ program_id: string; startup_id: string }[]>`select program_id, startup_id from public.mentor_requests where id = ${requestId}`,
      );
      if (accept) await mailMatches(tx, r!.program_id, [{ startupId: r!.startup_id, mentorId: claims.sub }]);
      else await mailRequestMoved(tx, requestId, "declined", row!.next);
      return { ok: true as const, value: accept ? ("accepted" as const) : ("declined" as const) };
    });
  } catch (error) {
    const key = refusalOf(error);
    if (key) return refused({ requestId: key });
    throw error;
  }
}

/**
 * The scheduled sweep: every pending request past its due time (job clock `now`) expires and
 * moves to the startup's next choice, mailing the founders and the next mentor. Skip-locked rows
 * and the status guard make a second run find nothing, so each request moves once.
 */
export function expireRequests(now: Date = new Date()): Promise<number> {
  return asService(async (tx) => {
    const due = await tx<{ id: string; program_id: string; startup_id: string }[]>`
      update public.mentor_requests r set status = 'expired', answered_at = ${now}
       where r.id in (select id from public.mentor_requests where status = 'pending' and due_at <= ${now} for update skip locked)
      returning r.id, r.program_id, r.startup_id`;
    for (const r of due) {
      const [next] = await tx<{ id: string | null }[]>`select public.promote_mentor_request(${r.program_id}, ${r.startup_id}, ${now}) as id`;
      await mailRequestMoved(tx, r.id, "expired", next?.id ?? null);
    }
    return due.length;
  });
}
