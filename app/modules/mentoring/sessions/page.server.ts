import { asUser, type Claims } from "~/platform/db/transaction.server";
import { requireId } from "~/platform/ids.server";
import { sessionFor, type SessionRow } from "./access.server";

// The session page: when, who, the programme's hours, and what came after (notes, action items,
// feedback, no-show), in one transaction of a few flat statements.

export type Bilingual = { vi: string; en: string };
export type Person = { userId: string; name: string; side: "mentor" | "founder" };
export type ActionItem = { id: string; body: string; done: boolean };
export type Feedback = { side: "mentor" | "founder"; rating: number; comment: string; mine: boolean; editable: boolean; authorName: string | null };

export type SessionPage = {
  session: Omit<SessionRow, "startsAt" | "endsAt" | "absentMarkedAt"> & { startsAt: string; endsAt: string; absentMarkedAt: string | null };
  /** committedHours: null for the mentor, who sees only their own sessions with the startup, so no true total */
  programme: { name: Bilingual; budgetHours: number; committedHours: number | null };
  startupName: string;
  people: Person[];
  notes: { body: string; updatedAt: string | null; updatedBy: string | null };
  items: ActionItem[];
  feedback: Feedback[];
  /** What the viewer may do now. */
  may: { reschedule: boolean; markNoShow: boolean; giveFeedback: boolean; editLocation: boolean };
};

/** Days during which a feedback's author may still change it (the table's update policy says the same). */
export const FEEDBACK_EDIT_DAYS = 7;

export async function sessionPage(claims: Claims, sessionId: string): Promise<SessionPage> {
  const id = requireId(sessionId);
  return asUser(claims, async (tx) => {
    const session = await sessionFor(tx, id);
    const [[head], people, items, feedback] = await Promise.all([
      tx<{ name: Bilingual; budgetHours: number; committedHours: number; startupName: string; notes: string | null; notesAt: Date | null; notesBy: string | null }[]>`
        select json_build_object('vi', p.name_vi, 'en', p.name_en) as name, p.mentoring_hours_per_startup::float8 as "budgetHours",
               coalesce(public.mentoring_hours_committed(p.id, st.id), 0)::float8 as "committedHours", st.name as "startupName",
               n.body as notes, n.updated_at as "notesAt", n.updated_by as "notesBy"
          from public.programs p, public.startups st
          left join public.mentoring_notes n on n.session_id = ${id}
         where p.id = ${session.programId} and st.id = ${session.startupId}`,
      tx<Person[]>`select user_id as "userId", display_name as name, side from public.mentoring_session_people(${id})`,
      tx<ActionItem[]>`select id, body, done from public.mentoring_action_items where session_id = ${id} order by created_at, id`,
      tx<(Omit<Feedback, "authorName"> & { authorId: string })[]>`
        select side, rating, comment, author_id as "authorId", author_id = (select auth.uid()) as mine,
               author_id = (select auth.uid()) and created_at > now() - make_interval(days => ${FEEDBACK_EDIT_DAYS}) as editable
          from public.mentoring_feedback where session_id = ${id} order by side desc`,
    ]);
    const nameOf = (userId: string | null) => people.find((p) => p.userId === userId)?.name ?? null;
    const own = feedback.find((f) => f.side === session.side);
    const speaks = session.side !== "manager";
    return {
      session: {
        ...session,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        absentMarkedAt: session.absentMarkedAt?.toISOString() ?? null,
      },
      programme: { name: head!.name, budgetHours: head!.budgetHours, committedHours: session.side === "mentor" ? null : head!.committedHours },
      startupName: head!.startupName,
      people,
      notes: { body: head!.notes ?? "", updatedAt: head!.notesAt?.toISOString() ?? null, updatedBy: nameOf(head!.notesBy) },
      items,
      feedback: feedback.map(({ authorId, ...f }) => ({ ...f, authorName: nameOf(authorId) })),
      may: {
        reschedule: speaks && session.status === "booked" && !session.started,
        markNoShow: speaks && session.status === "booked" && session.started,
        giveFeedback: speaks && session.status !== "cancelled" && session.started && (!own || own.editable),
        // the mentor and the programme's managers (set_session_location() says the same)
        editLocation: session.side !== "founder" && session.status === "booked" && !session.ended,
      },
    };
  });
}
