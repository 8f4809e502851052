import postgres from "postgres";
import { asServiceWithin, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { Outcome } from "~/platform/http/form.server";
import { mailSession } from "../booking/mail.server";
import { managedProgramme } from "./programme.server";

// A programme's managers end a mentoring (one startup with one mentor): end_mentoring() cancels the
// pair's sessions still to come, moves the pair to mentoring_endings and frees the mentor's place;
// each cancelled session is mailed to both sides with an ICS CANCEL (same UID, higher SEQUENCE), in
// the same transaction. Why the pair leaves startup_mentors: decisions/011-audit-and-ending.md.

export type EndedPair = { startupId: string; startup: string; mentorId: string; mentor: string; since: string; endedAt: string; cancelled: number };

export async function endMentoring(claims: Claims, programmeId: string, startupId: string, mentorId: string): Promise<Outcome<{ cancelled: number }>> {
  try {
    return await asUser(claims, async (tx) => {
      const programme = await managedProgramme(tx, programmeId);
      const [row] = await tx<{ ids: string[] }[]>`select public.end_mentoring(${programme.id}, ${startupId}, ${mentorId}) as ids`;
      for (const id of row!.ids) await mailSession(tx, id, "ended");
      return { ok: true as const, value: { cancelled: row!.ids.length } };
    });
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.message === "not_found") {
      return { ok: false, errors: { mentorId: "mentoring.match.errors.notMentoring" } };
    }
    throw error;
  }
}

/** The programme's ended pairs, newest first, with names (a founder's startup and a mentor no longer approved are named too). */
export async function endedPairs(tx: Tx, programmeId: string): Promise<EndedPair[]> {
  const rows = await tx<{ startupId: string; mentorId: string; since: Date; endedAt: Date; cancelled: number }[]>`
    select startup_id as "startupId", mentor_id as "mentorId", since, ended_at as "endedAt", cancelled_sessions as cancelled
      from public.mentoring_endings where program_id = ${programmeId} order by ended_at desc limit 100`;
  if (rows.length === 0) return [];
  const names = await asServiceWithin(
    tx,
    (t) => t<{ id: string; name: string }[]>`
      select id, name from public.startups where id = any(${t.array(rows.map((r) => r.startupId))}::uuid[])
      union all
      select id, coalesce(display_name, '—') from public.profiles where id = any(${t.array(rows.map((r) => r.mentorId))}::uuid[])`,
  );
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({
    ...r,
    startup: nameOf.get(r.startupId) ?? "—",
    mentor: nameOf.get(r.mentorId) ?? "—",
    since: r.since.toISOString(),
    endedAt: r.endedAt.toISOString(),
  }));
}
