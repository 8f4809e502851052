import { NotFoundError } from "~/platform/db/errors.server";
import type { Tx } from "~/platform/db/transaction.server";

// Who the caller is to a session. RLS decides whether the session exists for them at all (the
// mentor, the startup's people, the programme's managers); anyone else gets a 404, never a hint.

/** The caller's side of a session: the mentor, one of the startup's people, or a manager of the programme. */
export type Side = "mentor" | "founder" | "manager";

export type SessionRow = {
  id: string;
  programId: string;
  startupId: string;
  mentorId: string;
  startsAt: Date;
  endsAt: Date;
  status: "booked" | "cancelled" | "held" | "no_show";
  absent: "startup" | "mentor" | null;
  absentMarkedAt: Date | null;
  /** where it is held: a meeting link or a place */
  location: string;
  side: Side;
  started: boolean;
  ended: boolean;
};

/** The session as the caller sees it (row-locked when `forUpdate`), or a 404. */
export async function sessionFor(tx: Tx, sessionId: string): Promise<SessionRow> {
  const [row] = await tx<SessionRow[]>`
    select s.id, s.program_id as "programId", s.startup_id as "startupId", s.mentor_id as "mentorId",
           s.starts_at as "startsAt", s.ends_at as "endsAt", s.status, s.absent, s.absent_marked_at as "absentMarkedAt", s.location,
           case when s.mentor_id = (select auth.uid()) then 'mentor'
                when public.is_startup_member(s.startup_id) then 'founder'
                else 'manager' end as side,
           s.starts_at <= now() as started, s.ends_at <= now() as ended
      from public.mentoring_sessions s where s.id = ${sessionId}`;
  if (!row) throw new NotFoundError();
  return row;
}
