// The generated load dataset, set-based: every table is one insert … select from generate_series.
// Ids are derived from the series number (b0… users, b1… organisations, b2… startups) so later
// statements can link rows without lookups. Texts carry the number: Remix's turbo-stream encoding
// dedupes equal strings, and identical rows would make pages look cheaper than real ones.

export const USERS = 50_000;
export const ORGS = 300;
export const STARTUPS = 5_000;
export const DEMO_ORG_MEMBERS = 3_000;
export const DEMO_ORG_INVITES = 1_500;
export const INVITES = 20_000;
export const OUTBOX = 100_000;
export const APPLICATIONS = 5_000;
export const REVIEWS_EACH = 3;
const REVIEWERS = 60;
// The first load application is reviewed by many more, so the bench can show the manager's
// application page costs the same statements with 40 reviews as with 3.
export const MANY_REVIEWS = 40;
export const RANKED_CALL = "smart-city-2027";

const MANAGER = "manager@demo.binhduong.example";

/** The id pg_temp.load_id gives, for the bench to address a generated row. */
export const loadId = (prefix: string, n: number) => `${prefix}000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

// A uuid from a two-hex-digit prefix and a number; a temporary function, gone with the session.
const idFunction = `
  create function pg_temp.load_id(prefix text, n int) returns uuid language sql immutable
  as $$ select (prefix || '000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$`;

const users = `
  insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                          raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  select '00000000-0000-0000-0000-000000000000', pg_temp.load_id('b0', i), 'authenticated', 'authenticated',
         'load-user-' || i || '@load.example', h.pw, now() - (i % 900) * interval '1 day',
         '{"provider":"email","providers":["email"]}',
         jsonb_build_object('display_name',
           (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ'])[1 + i % 12] || ' ' ||
           (array['Văn','Thị','Minh','Quốc','Ngọc','Thanh'])[1 + (i / 12) % 6] || ' ' ||
           (array['An','Bình','Châu','Dũng','Giang','Hà','Khánh','Linh','Nam','Phúc','Quân','Trang','Tú','Vy'])[1 + (i / 72) % 14]),
         now() - (i % 900) * interval '1 day', now()
    from generate_series(1, ${USERS}) i,
         (select encrypted_password as pw from auth.users where email = '${MANAGER}') h`;

const profiles = `
  insert into public.profiles (id, display_name, locale, languages, bio, created_at)
  select u.id, u.raw_user_meta_data ->> 'display_name',
         case when i % 3 = 0 then 'en' else 'vi' end,
         case when i % 3 = 0 then '{vi,en}'::text[] else '{vi}'::text[] end,
         repeat('Kỹ sư, nhà nghiên cứu và nhà sáng lập. ', 1 + i % 5), u.created_at
    from generate_series(1, ${USERS}) i join auth.users u on u.id = pg_temp.load_id('b0', i)
  -- the sign-up trigger already made a bare profile for each user
  on conflict (id) do update set locale = excluded.locale, languages = excluded.languages, bio = excluded.bio`;

const organisations = `
  insert into public.organisations (id, slug, kind, name_vi, name_en, description_vi, description_en, parent_id)
  select pg_temp.load_id('b1', i), 'load-org-' || i,
         (enum_range(null::public.org_kind))[1 + i % 6],
         'Tổ chức thử tải số ' || i, 'Load-test organisation ' || i,
         'Tổ chức số ' || i || ': ' || repeat('kết nối khởi nghiệp, trường đại học và doanh nghiệp trong vùng. ', 3),
         'Organisation ' || i || ': ' || repeat('connects startups, universities and businesses across the region. ', 3),
         case when i % 10 = 0 then (select id from public.organisations where slug = 'bd-innovation-centre') end
    from generate_series(1, ${ORGS}) i`;

// Every user belongs to two generated organisations; each organisation has one manager; a few
// thousand users also belong to the demo incubator that the demo manager manages.
const memberships = `
  insert into public.memberships (org_id, user_id, role, created_at)
  select pg_temp.load_id('b1', 1 + (i + k * 151) % ${ORGS}), pg_temp.load_id('b0', i),
         (enum_range(null::public.member_role))[2 + (i + k) % 5], now() - (i % 700) * interval '1 day'
    from generate_series(1, ${USERS}) i, generate_series(0, 1) k
  union all
  select pg_temp.load_id('b1', o), pg_temp.load_id('b0', o * 100), 'manager', now()
    from generate_series(1, ${ORGS}) o
  union all
  select (select id from public.organisations where slug = 'bd-incubator'), pg_temp.load_id('b0', i),
         (enum_range(null::public.member_role))[2 + i % 5], now() - (i % 400) * interval '1 day'
    from generate_series(1, ${DEMO_ORG_MEMBERS}) i`;

const startups = `
  insert into public.startups (id, slug, name, description_vi, description_en, sector, stage, created_at)
  select pg_temp.load_id('b2', i), 'load-startup-' || i, 'Khởi nghiệp ' || i,
         'Giải pháp công nghệ cho đô thị thông minh.', 'Technology for smart cities.',
         (array['smart-city','agritech','fintech','edtech','healthtech','materials'])[1 + i % 6],
         (array['idea','prototype','mvp','seed','growth'])[1 + i % 5], now() - (i % 500) * interval '1 day'
    from generate_series(1, ${STARTUPS}) i`;

const founders = `
  insert into public.startup_members (startup_id, user_id, role)
  select pg_temp.load_id('b2', i), pg_temp.load_id('b0', 1 + (i * 7) % ${USERS}), 'founder'
    from generate_series(1, ${STARTUPS}) i
  union all
  select pg_temp.load_id('b2', i), pg_temp.load_id('b0', 1 + (i * 7 + 3) % ${USERS}), 'team'
    from generate_series(2, ${STARTUPS}, 2) i`;

// A third of the demo incubator's invitations expired and a fifth were accepted; the rest are open.
const invitations = `
  insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at, accepted_at, created_at)
  select (select id from public.organisations where slug = 'bd-incubator'),
         'load-invitee-bd-' || i || '@load.example', (enum_range(null::public.member_role))[2 + i % 5],
         encode(sha256(('load-invite-bd-' || i)::bytea), 'hex'),
         (select id from auth.users where email = '${MANAGER}'),
         case when i % 3 = 0 then now() - interval '1 day' else now() + (1 + i % 14) * interval '1 day' end,
         case when i % 5 = 0 then now() - interval '2 days' end, now() - (i % 30) * interval '1 day'
    from generate_series(1, ${DEMO_ORG_INVITES}) i
  union all
  select pg_temp.load_id('b1', 1 + i % ${ORGS}), 'load-invitee-' || i || '@load.example',
         (enum_range(null::public.member_role))[1 + i % 6],
         encode(sha256(('load-invite-' || i)::bytea), 'hex'),
         pg_temp.load_id('b0', (1 + i % ${ORGS}) * 100),
         now() + (i % 28 - 7) * interval '1 day',
         case when i % 4 = 0 then now() - interval '3 days' end, now() - (i % 60) * interval '1 day'
    from generate_series(1, ${INVITES - DEMO_ORG_INVITES}) i`;

// Delivered history, a few failures, nothing pending: the mail worker stays idle during the bench.
const outbox = `
  insert into public.email_outbox (to_email, locale, template, subject, html, text_body, status, attempts,
                                   next_attempt_at, last_error, delivered_via, sent_at, created_at)
  select 'load-user-' || (1 + i % ${USERS}) || '@load.example', case when i % 3 = 0 then 'en' else 'vi' end,
         t.template, t.subject,
         '<!doctype html><html><body><h1>' || t.subject || '</h1><p>' || repeat('Xin chào, đây là thư thử tải. ', 12) || '</p></body></html>',
         t.subject || E'\\n\\n' || repeat('Xin chào, đây là thư thử tải. ', 6),
         case when i % 50 = 0 then 'failed' else 'sent' end, case when i % 50 = 0 then 8 else 1 end,
         c.at, case when i % 50 = 0 then 'mailbox unavailable' end,
         case when i % 50 = 0 then null else 'mailbox' end, case when i % 50 = 0 then null else c.at end, c.at
    from generate_series(1, ${OUTBOX}) i,
         lateral (select now() - (i % 90) * interval '1 day' - (i % 1440) * interval '1 minute' as at) c,
         lateral (select (array['verify-email','welcome','reset-password','invitation'])[1 + i % 4] as template,
                         (array['Xác minh email','Chào mừng','Đặt lại mật khẩu','Lời mời tham gia'])[1 + i % 4] as subject) t`;

// The demo call gets an application from every load startup, each reviewed three times by a pool
// of reviewers, with a score per criterion: the manager's ranking page then ranks 5,000.
const callId = `(select id from public.calls where slug = '${RANKED_CALL}')`;
const applications = `
  insert into public.applications (id, call_id, startup_id, status, stage, eligible, submitted_at, created_by)
  select pg_temp.load_id('b3', i), ${callId}, pg_temp.load_id('b2', i), 'submitted', 'review', i % 10 <> 0,
         now() - (i % 7) * interval '1 day', pg_temp.load_id('b0', 1 + (i * 7) % ${USERS})
    from generate_series(1, ${APPLICATIONS}) i`;
// Reviewers are load users 49,001 onwards, who found no startup (founders come from i·7 mod 50,000).
// Reviewer (i + 17k) mod 60 is distinct for k < 60 (17 and 60 share no factor), so the extra
// reviews of application 1 never repeat a reviewer.
const assignments = `
  insert into public.review_assignments (application_id, reviewer_id, round, status, submitted_at, comment)
  select pg_temp.load_id('b3', i), pg_temp.load_id('b0', 49001 + (i + k * 17) % ${REVIEWERS}), 'review', 'submitted', now(),
         'Nhận xét ' || i || '.' || k || ': ' || repeat('đội ngũ mạnh, thị trường rõ, cần thêm số liệu thử nghiệm. ', 1 + (i + k) % 3)
    from generate_series(1, ${APPLICATIONS}) i,
         generate_series(0, case when i = 1 then ${MANY_REVIEWS} else ${REVIEWS_EACH} end - 1) k`;
const scores = `
  insert into public.review_scores (application_id, reviewer_id, round, criterion_id, level, comment)
  select r.application_id, r.reviewer_id, 'review', c.id, 1 + abs(hashtext(r.application_id::text || r.reviewer_id::text || c.id::text) % 5),
         'Tiêu chí ' || left(c.id::text, 8) || ' — ' || left(r.reviewer_id::text, 8)
    from public.review_assignments r
    join public.applications a on a.id = r.application_id
    join public.rubric_criteria c on c.call_id = a.call_id
   where a.call_id = ${callId} and r.application_id <> '35000000-0000-4000-8000-000000000001'`;

// Mentoring in the ranked call's programme: 500 load startups in its cohort, 50 mentors of the demo
// incubator (load users 1–50 belong to it), and a year of monthly sessions for each startup (this
// month's still ahead) with no-shows, cancellations and the founders' ratings: what the managers'
// mentoring report sums. Startup i meets mentor 1 + i % 50 at hour i of its month, so no mentor's
// sessions overlap (the exclusion constraint holds in replica mode too).
export const MENTORED_STARTUPS = 500;
export const MENTORS = 50;
export const MONTHS = 12;
const programmeId = `(select program_id from public.calls where slug = '${RANKED_CALL}')`;
const mentoring = `
  insert into public.cohort_members (program_id, startup_id)
  select ${programmeId}, pg_temp.load_id('b2', i) from generate_series(1, ${MENTORED_STARTUPS}) i;
  insert into public.mentor_profiles (user_id, org_id, bio)
  select pg_temp.load_id('b0', m), (select id from public.organisations where slug = 'bd-incubator'), 'Cố vấn số ' || m
    from generate_series(1, ${MENTORS}) m;
  insert into public.program_mentors (program_id, mentor_id)
  select ${programmeId}, pg_temp.load_id('b0', m) from generate_series(1, ${MENTORS}) m;
  insert into public.mentoring_sessions (id, program_id, startup_id, mentor_id, starts_at, ends_at, blocked_from, blocked_until, status, absent)
  select pg_temp.load_id('b4', i * 100 + k), ${programmeId}, pg_temp.load_id('b2', i), pg_temp.load_id('b0', 1 + i % ${MENTORS}),
         t, t + interval '1 hour', t, t + interval '1 hour',
         case when k = 0 then 'booked' when (i + k) % 11 = 0 then 'cancelled' when (i + k) % 7 = 0 then 'no_show' else 'held' end,
         case when k > 0 and (i + k) % 11 <> 0 and (i + k) % 7 = 0 then (array['startup', 'mentor'])[1 + (i + k) % 2] end
    from generate_series(1, ${MENTORED_STARTUPS}) i, generate_series(0, ${MONTHS} - 1) k,
         lateral (select date_trunc('hour', now()) - k * interval '30 days' + i * interval '1 hour' as t) x;
  insert into public.mentoring_feedback (session_id, side, author_id, rating, comment)
  select s.id, 'founder', f.user_id, 1 + abs(hashtext(s.id::text)) % 5, 'Buổi ' || s.id
    from public.mentoring_sessions s
    join public.startup_members f on f.startup_id = s.startup_id and f.role = 'founder'
   where s.program_id = ${programmeId} and s.status = 'held'`;

// Steps in order; the labelled ones are timed in the bench's log.
export const STEPS: [label: string, sql: string][] = [
  ["", idFunction],
  ["users", users],
  ["profiles", profiles],
  ["organisations", organisations],
  ["memberships", memberships],
  ["startups", startups],
  ["startup founders", founders],
  ["invitations", invitations],
  // Replica mode skips the outbox's NOTIFY trigger (the table has no foreign keys to skip).
  ["", "set local session_replication_role = replica"],
  ["email outbox", outbox],
  // Replica mode also skips the conflict and audit triggers: these rows are made consistent here.
  ["applications", applications],
  ["review assignments", assignments],
  ["review scores", scores],
  ["mentoring", mentoring],
  ["", "set local session_replication_role = origin"],
  // Replica mode skipped the triggers that keep the ranking's totals: compute them once here.
  ["ranking totals", `select public.rebuild_call_ranking(${callId})`],
  // and the ones that keep each call's application counts
  [
    "application counts",
    `insert into public.call_application_tallies as t (call_id, drafts, submitted)
     select call_id, count(*) filter (where status = 'draft'), count(*) filter (where status = 'submitted')
       from public.applications group by call_id
     on conflict (call_id) do update set drafts = excluded.drafts, submitted = excluded.submitted`,
  ],
];

export const TABLES = [
  "auth.users",
  "public.profiles",
  "public.organisations",
  "public.memberships",
  "public.startups",
  "public.startup_members",
  "public.invitations",
  "public.email_outbox",
  "public.applications",
  "public.review_assignments",
  "public.review_scores",
  "public.review_totals",
  "public.application_scores",
  "public.call_application_tallies",
  "public.cohort_members",
  "public.mentoring_sessions",
  "public.mentoring_feedback",
];
