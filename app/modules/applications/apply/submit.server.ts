import { ConflictError, NotFoundError } from "~/platform/db/errors.server";
import { asServiceWithin, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { formatInZone } from "~/platform/i18n/format";
import { enqueueMail } from "~/platform/mail/outbox.server";
import { raisedName } from "../outcomes.server";
import type { Bilingual, Locale } from "~/platform/i18n/i18n";

export type MissingAnswer = { id: string; step: number; label: Bilingual };
export type SubmitOutcome =
  | { outcome: "submitted" }
  | { outcome: "already_submitted" }
  | { outcome: "call_closed" }
  | { outcome: "withdrawn" }
  | { outcome: "incomplete"; missing: MissingAnswer[] };

/** Required questions of the application's call with neither an answer nor a file. */
export function missingAnswers(tx: Tx, id: string) {
  return tx<MissingAnswer[]>`
    select q.id, q.step, json_build_object('vi', q.label_vi, 'en', q.label_en) as label
      from public.applications a join public.call_questions q on q.call_id = a.call_id
     where a.id = ${id} and q.required
       and not exists (select 1 from public.application_answers x where x.application_id = a.id and x.question_id = q.id)
       and not exists (select 1 from public.application_files f where f.application_id = a.id and f.question_id = q.id)
     order by q.step, q.position, q.created_at`;
}

/**
 * Submit a draft. The row is locked first, so a double click (same idempotency key, or two
 * requests at once) submits once: the second finds it submitted and answers "already submitted".
 * The deadline and completeness are enforced by the database trigger on the server's clock;
 * eligibility is computed there too. The founders' confirmation mails go out in the same
 * transaction, each in its recipient's language.
 */
export async function submitApplication(claims: Claims, id: string, submitKey: string): Promise<SubmitOutcome> {
  try {
    return await asUser(claims, async (tx) => {
      const [app] = await tx<{ status: string; submit_key: string | null }[]>`
        select status, submit_key from public.applications
         where id = ${id} and public.is_startup_member(startup_id) for update`;
      if (!app) throw new NotFoundError();
      if (app.status === "submitted") return { outcome: "already_submitted" } as const;
      if (app.status === "withdrawn") return { outcome: "withdrawn" } as const;
      const missing = await missingAnswers(tx, id);
      if (missing.length > 0) return { outcome: "incomplete", missing } as const;
      await tx`update public.applications set status = 'submitted', submit_key = ${submitKey} where id = ${id} and status = 'draft'`;
      await mailFounders(tx, id);
      return { outcome: "submitted" } as const;
    });
  } catch (error) {
    const name = raisedName(error);
    if (name === "call_closed") return { outcome: "call_closed" };
    if (name === "already_submitted") return { outcome: "already_submitted" };
    if (name === "application_withdrawn") return { outcome: "withdrawn" };
    // the key was already used: the same submission arriving again
    if (error instanceof ConflictError && error.constraint === "applications_submit_key_key") return { outcome: "already_submitted" };
    throw error;
  }
}

type Recipient = {
  email: string;
  name: string;
  locale: Locale;
  startup: string;
  title_vi: string;
  title_en: string;
  submitted_at: Date;
  time_zone: string;
  code: string;
};

/** "Application received" to every founder of the startup, in each one's language. */
async function mailFounders(tx: Tx, id: string) {
  // Co-founders' addresses and languages are not the submitter's to read: the service reads them.
  const recipients = await asServiceWithin(
    tx,
    (t) => t<Recipient[]>`
      select u.email, coalesce(p.display_name, u.email) as name, coalesce(p.locale, 'vi') as locale, s.name as startup,
             c.title_vi, c.title_en, a.submitted_at, c.time_zone, a.code
        from public.applications a
        join public.calls c on c.id = a.call_id
        join public.startups s on s.id = a.startup_id
        join public.startup_members m on m.startup_id = a.startup_id and m.role = 'founder'
        join auth.users u on u.id = m.user_id
        left join public.profiles p on p.id = u.id
       where a.id = ${id}
       order by u.email`,
  );
  for (const r of recipients) {
    await enqueueMail(tx, r.email, "application-submitted", {
      locale: r.locale,
      name: r.name,
      startup: r.startup,
      call: r.locale === "vi" ? r.title_vi : r.title_en,
      code: r.code,
      submittedAt: formatInZone(r.submitted_at, r.locale, r.time_zone),
      url: `${env().APP_URL}/applications/${id}`,
    });
  }
}
