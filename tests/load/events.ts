import postgres from "postgres";
import { loadId, USERS } from "./dataset.sql";
import { measurePage, statementsOfOneRequest, type Page, type PageResult } from "./measure";
import { signIn } from "./session";

// The bench's event rows: a published forum's public page (anonymous, and as one of its attendees)
// and its registration action (a free ticket, each post a fresh order for a new attendee, as a
// load user; the order's ticket mail goes into the outbox). Statements are counted with 100
// registrations, then again once the forum holds 50,000 (one order and one ticket each, written
// set-based in one transaction), and must be the same.

export const REGISTRATIONS = 50_000;
const SMALL = 100;
const SLUG = "load-forum-2027";
const EVENT = loadId("b6", 1);
const TICKET_TYPE = loadId("b6", 2);
const QUOTA = loadId("b6", 3);
const DEMO_PASSWORD = "demo-password-2026";
/** Posts prepared for the registration row: more than a run of it can send. */
const POSTS = 30_000;
export const EVENT_ROWS = ["event page", "event registration"];

// The forum with an agenda of eight sessions by four speakers, one free ticket type on sale for half
// a year, and a quota too large for the bench to fill.
const createForum = `
  insert into public.events (id, org_id, slug, kind, title_vi, title_en, summary_vi, summary_en, description_vi, description_en, venue,
                             starts_at, ends_at, capacity, published)
  select '${EVENT}', o.id, '${SLUG}', 'forum', 'Diễn đàn Đổi mới Sáng tạo 2027 (thử tải)', 'Innovation Forum 2027 (load test)',
         'Hai ngày kết nối startup, trường đại học và doanh nghiệp.', 'Two days connecting startups, universities and businesses.',
         repeat('Các phiên thảo luận về đô thị thông minh, nông nghiệp công nghệ cao và chuyển đổi số. ', 8),
         repeat('Sessions on smart cities, high-tech agriculture and digital transformation. ', 8),
         'Trung tâm Hội nghị, Thủ Dầu Một', date_trunc('day', now()) + interval '200 days 8 hours', date_trunc('day', now()) + interval '201 days 17 hours',
         1000000, true
    from public.organisations o where o.slug = 'bd-innovation-centre';
  insert into public.event_speakers (event_id, name, affiliation, bio_vi, bio_en)
  select '${EVENT}', 'Diễn giả ' || i, 'Tổ chức ' || i, 'Chuyên gia số ' || i, 'Expert number ' || i from generate_series(1, 4) i;
  insert into public.event_sessions (event_id, title_vi, title_en, room, starts_at, ends_at, speaker_ids)
  select '${EVENT}', 'Phiên ' || i, 'Session ' || i, 'Phòng ' || (1 + i % 3), e.starts_at + (i - 1) * interval '90 minutes', e.starts_at + i * interval '90 minutes',
         array(select id from public.event_speakers where event_id = '${EVENT}' order by name limit 1 + i % 2)
    from generate_series(1, 8) i, public.events e where e.id = '${EVENT}';
  insert into public.ticket_types (id, event_id, name_vi, name_en, price_vnd, sales_start, sales_end, max_per_order)
  values ('${TICKET_TYPE}', '${EVENT}', 'Vé tham dự', 'Attendee ticket', 0, now() - interval '1 day', now() + interval '180 days', 10);
  insert into public.ticket_quotas (id, event_id, name, size) values ('${QUOTA}', '${EVENT}', 'Hội trường', 1000000);
  insert into public.ticket_type_quotas (ticket_type_id, quota_id) values ('${TICKET_TYPE}', '${QUOTA}')`;

/**
 * Confirmed registrations `from`..`to` (load user i buys one ticket for themself), and their seats
 * in the quota. Replica mode skips triggers and foreign-key checks: the rows are made consistent here.
 */
const registrations = (from: number, to: number) => `
  set local session_replication_role = replica;
  insert into public.event_orders (id, event_id, buyer_id, code, email, locale, status, total_vnd, confirmed_at, created_at)
  select ('b7000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, '${EVENT}', ('b0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
         'L' || lpad(i::text, 9, '0'), 'load-user-' || i || '@load.example', case when i % 3 = 0 then 'en' else 'vi' end, 'confirmed', 0,
         now() - (i % 60) * interval '1 day', now() - (i % 60) * interval '1 day'
    from generate_series(${from}, ${to}) i;
  insert into public.event_tickets (order_id, event_id, ticket_type_id, buyer_id, attendee_name, attendee_email, locale, price_vnd, created_at)
  select ('b7000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, '${EVENT}', '${TICKET_TYPE}', ('b0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
         'Người tham dự ' || i, 'load-user-' || i || '@load.example', case when i % 3 = 0 then 'en' else 'vi' end, 0, now() - (i % 60) * interval '1 day'
    from generate_series(${from}, ${to}) i;
  update public.ticket_quotas set taken = taken + ${to - from + 1} where id = '${QUOTA}';
  set local session_replication_role = origin`;

/** The forum with its first `SMALL` registrations, and the cookie of its first attendee (for tests/load/profile.ts). */
export async function forumWithAttendee(baseUrl: string, databaseUrl: string) {
  await run(databaseUrl, createForum + ";" + registrations(1, SMALL));
  return { path: `/events/${SLUG}`, attendee: await signInLoadUser(baseUrl, databaseUrl, 1) };
}

async function run(databaseUrl: string, sql: string) {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await db.begin((tx) => tx.unsafe(sql));
    await db.unsafe("vacuum analyze public.event_orders, public.event_tickets, public.ticket_quotas");
  } finally {
    await db.end({ timeout: 5 });
  }
}

async function displayName(databaseUrl: string, n: number) {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await db<{ name: string }[]>`select display_name as name from public.profiles where id = ${loadId("b0", n)}`;
    return row!.name;
  } finally {
    await db.end({ timeout: 5 });
  }
}

const signInLoadUser = async (baseUrl: string, databaseUrl: string, n: number) =>
  signIn(baseUrl, `load-user-${n}@load.example`, DEMO_PASSWORD, await displayName(databaseUrl, n));

/** Registration bodies as the form posts them: one attendee with a free ticket, a new person each. */
export function registrationBodies(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    new URLSearchParams({
      email: `load-user-${USERS - 1}@load.example`,
      locale: "vi",
      "attendees.0.ticketType": TICKET_TYPE,
      "attendees.0.name": `Khách mời ${i + 1}`,
      "attendees.0.email": `guest-${i + 1}@load.example`,
      "attendees.0.locale": i % 3 === 0 ? "en" : "vi",
    }).toString(),
  );
}

export type EventBench = { results: PageResult[]; pages: Page[]; line: string; flat: boolean };

/** Creates the forum, counts statements with few and with 50,000 registrations, then loads the rows `wanted` keeps. */
export async function benchEvents(
  baseUrl: string,
  databaseUrl: string,
  load: { connections: number; durationSec: number },
  wanted: (name: string) => boolean,
  log: (msg: string) => void,
): Promise<EventBench> {
  await run(databaseUrl, createForum + ";" + registrations(1, SMALL));
  const attendee = await signInLoadUser(baseUrl, databaseUrl, 1);
  const buyer = await signInLoadUser(baseUrl, databaseUrl, USERS - 1);
  const path = `/events/${SLUG}`;
  const pages: Page[] = [
    { name: `event page ${path}, ${REGISTRATIONS} registrations (anonymous)`, path, target: 0.4 },
    { name: `event page ${path}, ${REGISTRATIONS} registrations (an attendee)`, path, cookie: attendee, target: 0.4 },
    {
      name: "event registration (POST, a free ticket, a new order each)",
      path: `${path}/register`,
      cookie: buyer,
      form: true,
      post: { bodies: registrationBodies(POSTS), used: 0, ok: 302, location: `${path}?done=confirmed` },
    },
  ];
  // one request at a time: the server's statement counter is shared by everything it runs
  const count = async () => {
    const counts: number[] = [];
    for (const page of pages) counts.push(await statementsOfOneRequest(baseUrl, page));
    return counts;
  };
  const small = await count();
  const started = Date.now();
  await run(databaseUrl, registrations(SMALL + 1, REGISTRATIONS));
  log(`  ${REGISTRATIONS - SMALL} more registrations written in ${((Date.now() - started) / 1000).toFixed(1)} s (with vacuum analyze)`);
  const large = await count();
  const flat = small.every((n, i) => n === large[i]);
  const results: PageResult[] = [];
  const measured: Page[] = [];
  for (const page of pages.filter((p) => wanted(p.name))) {
    const result = await measurePage(baseUrl, page, load, databaseUrl);
    log(`  ${page.name}: ${result.rps.toFixed(1)} req/s`);
    results.push(result);
    measured.push(page);
  }
  const named = ["page (anonymous)", "page (an attendee)", "registration"];
  const line =
    `Statements of one request with ${SMALL} → ${REGISTRATIONS} registrations: ` +
    named.map((n, i) => `event ${n} ${small[i]} → ${large[i]}`).join(", ") +
    ` (${flat ? "flat" : "NOT flat"}); the registration's ticket mail into the outbox included.`;
  return { results, pages: measured, line, flat };
}
