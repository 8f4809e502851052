import { asService } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { formatInZone } from "~/platform/i18n/format";
import { enqueueMail } from "~/platform/mail/outbox.server";
import { foundersOf } from "../people.server";

/**
 * Lapse every open offer whose deadline has passed, and tell each founder in their language. A
 * sweep, run by the scheduler: the guarded update makes a second run (or a run of a worker that
 * was killed and retried) find nothing, so each offer lapses and is mailed once. The audit trigger
 * records each lapse for the call's managers. Returns how many offers lapsed. `now` is the job's
 * clock (the scheduler's tick): a test moves it past a deadline instead of waiting.
 */
export function lapseOffers(now: Date = new Date()): Promise<number> {
  return asService(async (tx) => {
    const lapsed = await tx<{ id: string; code: string; startup_id: string; startup: string; deadline: Date; zone: string; title_vi: string; title_en: string }[]>`
      update public.applications a
         set offer_response = 'lapsed'
        from public.startups s, public.calls c
       where s.id = a.startup_id and c.id = a.call_id
         and a.decision = 'accepted' and a.offer_response is null and a.offer_expires_at <= ${now}::timestamptz
      returning a.id, a.code, a.startup_id, s.name as startup, a.offer_expires_at as deadline, c.time_zone as zone,
                c.title_vi, c.title_en`;
    const byStartup = new Map(lapsed.map((a) => [a.startup_id, a]));
    for (const f of await foundersOf(tx, [...byStartup.keys()])) {
      const a = byStartup.get(f.startupId)!;
      await enqueueMail(tx, f.email, "offer-lapsed", {
        locale: f.locale,
        startup: a.startup,
        call: f.locale === "vi" ? a.title_vi : a.title_en,
        code: a.code,
        deadline: formatInZone(a.deadline, f.locale, a.zone),
        url: `${env().APP_URL}/applications/${a.id}`,
      });
    }
    return lapsed.length;
  });
}
