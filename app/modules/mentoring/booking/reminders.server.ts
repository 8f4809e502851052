import { asService } from "~/platform/db/transaction.server";
import { mailSession } from "./mail.server";

// Reminders a day and an hour before a session, to both sides, swept by a scheduled task. Each
// reminder is claimed by writing the start it was sent for (reminded_day_for / reminded_hour_for)
// in the same transaction as its mails, rows taken with `for update skip locked`: a sweep that runs
// twice, or two workers at once, send it once. A cancelled session gets none; a moved one gets
// reminders for its new start only, since the start it was reminded for no longer matches.

const WINDOWS = {
  // from an hour up to a day ahead: inside the last hour only the hour's reminder is worth sending
  day: { column: "reminded_day_for", from: "1 hour", until: "24 hours" },
  hour: { column: "reminded_hour_for", from: "0 hours", until: "1 hour" },
} as const;

/** Sends the reminders due at `now` (the job clock); answers how many sessions were reminded. */
export async function remindSessions(now: Date): Promise<number> {
  let sent = 0;
  for (const w of Object.values(WINDOWS)) {
    sent += await asService(async (tx) => {
      const column = tx(w.column);
      const due = await tx<{ id: string }[]>`
        update public.mentoring_sessions s set ${column} = s.starts_at
         where s.id in (
           select x.id from public.mentoring_sessions x
            where x.status = 'booked'
              and x.starts_at > ${now}::timestamptz + ${w.from}::interval
              and x.starts_at <= ${now}::timestamptz + ${w.until}::interval
              and x.${column} is distinct from x.starts_at
            order by x.starts_at
            limit 200
              for update skip locked)
        returning s.id`;
      for (const row of due) await mailSession(tx, row.id, "reminder");
      return due.length;
    });
  }
  return sent;
}
