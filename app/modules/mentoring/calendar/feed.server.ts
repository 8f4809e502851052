import { createHash, randomBytes } from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import { tFor, type Locale } from "~/platform/i18n/i18n";

// Each mentor's private calendar feed (decisions/004-calendar-feed.md): a 256-bit token in the
// URL, only its SHA-256 in the database, the feed read through the service path because
// calendar apps send no cookies. The feed holds the mentor's own sessions and nothing else.

/** 32 random bytes in base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash("sha256").update(token).digest();

/** How far back and ahead the feed reaches. */
const DAYS_BACK = 60;
const DAYS_AHEAD = 366;

/** The UID of a session's event in every calendar file we write (feed and invitation mails alike). */
export const sessionUid = (sessionId: string) => `${sessionId}@${new URL(env().APP_URL).host}`;

/** The feed's address for a token. */
export const feedUrl = (token: string) => `${env().APP_URL}/calendar/${token}.ics`;

/** Whether the caller can have a feed (has a mentor profile), and since when theirs exists. */
export async function calendarPage(claims: Claims): Promise<{ mentor: boolean; since: string | null }> {
  const [row] = await asUser(
    claims,
    (tx) => tx<{ mentor: boolean; since: Date | null }[]>`
      select exists (select 1 from public.mentor_profiles where user_id = (select auth.uid())) as mentor,
             (select created_at from public.mentor_calendar_feeds where mentor_id = (select auth.uid())) as since`,
  );
  return { mentor: row!.mentor, since: row!.since?.toISOString() ?? null };
}

/** Makes the caller's feed, or renews it (the old address stops at once). The token is returned this once. */
export async function renewFeed(claims: Claims): Promise<Outcome<{ url: string }>> {
  const token = randomBytes(32).toString("base64url");
  const made = await asUser(
    claims,
    (tx) => tx`
      insert into public.mentor_calendar_feeds (mentor_id, token_hash)
      select user_id, ${hashOf(token)} from public.mentor_profiles where user_id = (select auth.uid())
      on conflict (mentor_id) do update set token_hash = excluded.token_hash, created_at = now()`,
  );
  if (made.count !== 1) return refused({ form: "mentoring.calendar.errors.notMentor" });
  return { ok: true, value: { url: feedUrl(token) } };
}

export async function revokeFeed(claims: Claims): Promise<Outcome> {
  await asUser(claims, (tx) => tx`delete from public.mentor_calendar_feeds where mentor_id = (select auth.uid())`);
  return { ok: true, value: undefined };
}

type FeedRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  startup: string;
  programme: { vi: string; en: string };
  locale: Locale;
};

/**
 * The ICS text of the feed behind `file` ("<token>.ics"), or null for anything that is not a live
 * token: malformed, unknown and revoked look the same.
 */
export async function feedFor(file: string): Promise<string | null> {
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  if (!TOKEN.test(token)) return null;
  const hash = hashOf(token);
  // One statement: the mentor behind the hash and their sessions (a mentor with none still has a feed).
  const rows = await asService(
    (tx) => tx<(FeedRow | { id: null; locale: Locale })[]>`
      select s.id, s.starts_at as "startsAt", s.ends_at as "endsAt", s.status, st.name as startup,
             json_build_object('vi', p.name_vi, 'en', p.name_en) as programme, coalesce(pr.locale, 'vi') as locale
        from public.mentor_calendar_feeds f
        left join public.profiles pr on pr.id = f.mentor_id
        left join public.mentoring_sessions s
          on s.mentor_id = f.mentor_id and s.starts_at >= now() - make_interval(days => ${DAYS_BACK}) and s.starts_at < now() + make_interval(days => ${DAYS_AHEAD})
        left join public.startups st on st.id = s.startup_id
        left join public.programs p on p.id = s.program_id
       where f.token_hash = ${hash}
       order by s.starts_at`,
  );
  if (rows.length === 0) return null;
  const locale = rows[0]!.locale;
  const t = tFor(locale);
  const events: EventAttributes[] = rows
    .filter((r): r is FeedRow => r.id !== null)
    .map((s) => {
      const url = `${env().APP_URL}/mentoring/sessions/${s.id}`;
      return {
        uid: sessionUid(s.id),
        start: s.startsAt.getTime(),
        startInputType: "utc",
        startOutputType: "utc",
        end: s.endsAt.getTime(),
        endInputType: "utc",
        endOutputType: "utc",
        title: t("mentoring.calendar.event", { startup: s.startup }),
        description: t("mentoring.calendar.eventDescription", { programme: s.programme[locale], url }),
        url,
        status: s.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
        busyStatus: s.status === "cancelled" ? "FREE" : "BUSY",
      };
    });
  const { error, value } = createEvents(events, { productId: "innovation-region/mentoring", calName: t("mentoring.calendar.title") });
  if (error || !value) throw error ?? new Error("ics: no output");
  return value;
}
