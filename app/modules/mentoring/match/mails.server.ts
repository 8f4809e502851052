import { foundersOf, recipientsOf } from "~/modules/applications/people.server";
import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { formatInZone } from "~/platform/i18n/format";
import { enqueueMail } from "~/platform/mail/outbox.server";

// The mails of matching, each in its reader's language, queued in the transaction that made the
// change (so a rolled-back match mails nobody).

/** Both sides of each new mentoring: the mentor, and every founder of the startup. */
export async function mailMatches(tx: Tx, programmeId: string, pairs: { startupId: string; mentorId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  const [programme] = await asServiceWithin(
    tx,
    (t) => t<{ vi: string; en: string }[]>`select name_vi as vi, name_en as en from public.programs where id = ${programmeId}`,
  );
  const startupIds = [...new Set(pairs.map((p) => p.startupId))];
  const startups = await asServiceWithin(tx, (t) => t<{ id: string; name: string; slug: string }[]>`
    select id, name, slug from public.startups where id = any(${t.array(startupIds)}::uuid[])`);
  const mentors = await recipientsOf(tx, [...new Set(pairs.map((p) => p.mentorId))]);
  const founders = await foundersOf(tx, startupIds);
  const app = env().APP_URL;
  for (const pair of pairs) {
    const startup = startups.find((s) => s.id === pair.startupId)!;
    const mentor = mentors.find((m) => m.userId === pair.mentorId)!;
    const common = { mentor: mentor.name, startup: startup.name };
    await enqueueMail(tx, mentor.email, "mentor-matched", {
      ...common,
      locale: mentor.locale,
      side: "mentor",
      programme: programme![mentor.locale],
      url: `${app}/mentoring/profile`,
    });
    for (const f of founders.filter((x) => x.startupId === pair.startupId)) {
      await enqueueMail(tx, f.email, "mentor-matched", {
        ...common,
        locale: f.locale,
        side: "founder",
        programme: programme![f.locale],
        url: `${app}/startups/${startup.slug}/mentors`,
      });
    }
  }
}

/** The mentor of a request that just became pending: who asks, and by when to answer (in the mentor's zone). */
export async function mailRequest(tx: Tx, requestId: string): Promise<void> {
  const [r] = await asServiceWithin(
    tx,
    (t) => t<{ mentor_id: string; startup: string; vi: string; en: string; due_at: Date; zone: string }[]>`
      select r.mentor_id, s.name as startup, p.name_vi as vi, p.name_en as en, r.due_at, mp.time_zone as zone
        from public.mentor_requests r join public.startups s on s.id = r.startup_id join public.programs p on p.id = r.program_id
        join public.mentor_profiles mp on mp.user_id = r.mentor_id
       where r.id = ${requestId}`,
  );
  if (!r) return;
  const [mentor] = await recipientsOf(tx, [r.mentor_id]);
  await enqueueMail(tx, mentor!.email, "mentor-request", {
    locale: mentor!.locale,
    startup: r.startup,
    programme: mentor!.locale === "vi" ? r.vi : r.en,
    due: formatInZone(r.due_at, mentor!.locale, r.zone),
    url: `${env().APP_URL}/mentoring/requests`,
  });
}

/** The founders of a request that was declined or ran out, and the next choice it went to (if any). */
export async function mailRequestMoved(tx: Tx, requestId: string, outcome: "declined" | "expired", nextId: string | null): Promise<void> {
  const rows = await asServiceWithin(
    tx,
    (t) => t<{ id: string; startup_id: string; slug: string; mentor: string }[]>`
      select r.id, r.startup_id, s.slug, coalesce(pr.display_name, '') as mentor
        from public.mentor_requests r join public.startups s on s.id = r.startup_id left join public.profiles pr on pr.id = r.mentor_id
       where r.id in (${requestId}, ${nextId ?? requestId})`,
  );
  const was = rows.find((r) => r.id === requestId);
  if (!was) return;
  const next = nextId ? (rows.find((r) => r.id === nextId)?.mentor ?? null) : null;
  for (const f of await foundersOf(tx, [was.startup_id])) {
    await enqueueMail(tx, f.email, "mentor-request-update", {
      locale: f.locale,
      outcome,
      mentor: was.mentor,
      next,
      url: `${env().APP_URL}/startups/${was.slug}/mentors`,
    });
  }
  if (nextId) await mailRequest(tx, nextId);
}
