import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { ACTORS, FUNCTIONS, TABLES, type Actor } from "../support/rls-matrix";
import { addMember, createOrg, createStartup, createUser, makeAdmin } from "../support/factories";
import { addCriterion, addQuestion, createApplication, createCall, createProgram, review } from "../support/application-factories";

// The access matrix of schema public, generated from the catalog: every table × column group ×
// actor × select/insert/update/delete, and every function callable through the API × actor, held
// to tests/support/rls-matrix/ (one file per capability). Each case runs as the actor (role
// anon/authenticated with a request's claims, through asUser) in a savepoint that is rolled back.

const SPEC_FILE = "tests/support/rls-matrix/ (the file of the capability)";
const ids: Record<string, string> = {};
const claims = {} as Record<Actor, Claims | null>;
let cases = 0;
const started = Date.now();

/** Replaces `:name` with the world's id, quoted. */
const fill = (sql: string) =>
  sql.replace(/(?<![:\w]):([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in ids)) throw new Error(`${SPEC_FILE}: unknown placeholder :${name}`);
    return `'${ids[name]}'`;
  });

const ROLLBACK = new Error("rollback");

/** Runs one statement in a savepoint that is always rolled back; its rows, or the error. */
async function attempt(tx: Tx, sql: string): Promise<{ rows: postgres.RowList<postgres.Row[]> } | { error: string }> {
  let rows: postgres.RowList<postgres.Row[]> | undefined;
  try {
    await tx.savepoint(async (sp) => {
      rows = await sp.unsafe(fill(sql));
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) return { error: (error as Error).message };
  }
  return { rows: rows! };
}

const informative = (v: unknown): boolean => v !== null && v !== false && v !== "" && !(Array.isArray(v) && v.length === 0);

beforeAll(async () => {
  const users = await Promise.all([...ACTORS.filter((a) => a !== "anon"), "ghost"].map(() => createUser()));
  ACTORS.filter((a) => a !== "anon").forEach((actor, i) => {
    claims[actor] = users[i]!.claims;
    ids[`${actor}Id`] = users[i]!.id;
  });
  claims.anon = null;
  ids.ghostId = users.at(-1)!.id;
  await asService((tx) => tx`delete from public.profiles where id = ${ids.ghostId!}`);

  const orgA = await createOrg();
  const orgB = await createOrg();
  ids.orgA = orgA.id;
  ids.orgB = orgB.id;
  for (const role of ["manager", "reviewer", "mentor", "researcher", "partner", "staff"] as const) await addMember(orgA.id, ids[`${role}Id`]!, role);
  await addMember(orgA.id, ids.assignedReviewerId!, "reviewer");
  await addMember(orgB.id, ids.otherOrgMemberId!, "manager");
  await makeAdmin(ids.adminId!);
  ids.startupS = (await createStartup(ids.founderId!)).id;
  ids.startupS2 = (await createStartup(ids.otherFounderId!)).id;

  ids.program = (await createProgram(orgA.id)).id;
  ids.otherProgram = (await createProgram(orgB.id)).id;
  ids.program2 = (await createProgram(orgA.id)).id;
  ids.call = (await createCall(ids.program, { blind: ["organisation"] })).id;
  ids.call2 = (await createCall(ids.program)).id;
  ids.otherCall = (await createCall(ids.otherProgram)).id;
  ids.question = await addQuestion(ids.call);
  ids.blindQuestion = await addQuestion(ids.call, { blind: true });
  ids.fileQuestion = await addQuestion(ids.call, { kind: "file" });
  ids.criterion = await addCriterion(ids.call, 1);
  ids.criterion2 = await addCriterion(ids.call, 1);
  ids.app = await createApplication(ids.call, ids.startupS, ids.founderId!, "draft");
  ids.draftApp = await createApplication(ids.call2, ids.startupS, ids.founderId!, "draft");
  ids.offeredApp = await createApplication(ids.call2, ids.startupS2, ids.otherFounderId!, "submitted");

  await asService(async (tx) => {
    ids.track = (
      await tx<{ id: string }[]>`insert into public.call_tracks (call_id, name_vi, name_en) values (${ids.call!}, 'A', 'A') returning id`
    )[0]!.id;
    const [track2] = await tx<
      { id: string }[]
    >`insert into public.call_tracks (call_id, name_vi, name_en) values (${ids.call2!}, 'B', 'B') returning id`;
    await tx`update public.applications set track_id = ${ids.track!} where id = ${ids.app!}`;
    await tx`update public.applications set track_id = ${track2!.id} where id = ${ids.draftApp!}`;
    await tx`insert into public.rubric_levels (criterion_id, level, description_vi, description_en) values (${ids.criterion!}, 1, 'Yếu', 'Weak')`;
    await tx`insert into public.application_answers (application_id, question_id, value) values (${ids.app!}, ${ids.question!}, '"Clean water"')`;
    ids.file = (
      await tx<{ id: string }[]>`
        insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type, uploaded_by)
        values (${ids.app!}, ${ids.fileQuestion!}, 'decks/matrix.pdf', 'Founder-Name-deck.pdf', 10, 'application/pdf', ${ids.founderId!}) returning id`
    )[0]!.id;
    await tx`update public.applications set status = 'submitted' where id = ${ids.app!}`;
    await tx`update public.applications set decision = 'accepted', offer_expires_at = now() + interval '7 days' where id = ${ids.offeredApp!}`;
    await tx`insert into public.cohort_members (program_id, startup_id, application_id) values (${ids.program!}, ${ids.startupS2!}, ${ids.offeredApp!})`;
    await tx`update public.startups set org_id = ${orgA.id}, affiliation_status = 'pending' where id = ${ids.startupS!}`;
    await tx`insert into public.startup_mentors (startup_id, mentor_id) values (${ids.startupS!}, ${ids.mentorId!})`;
    await tx`insert into public.decision_templates (call_id, decision, body_vi, body_en) values (${ids.call!}, 'accepted', 'Chúc mừng', 'Congratulations')`;
    await tx`insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at)
             values (${orgA.id}, 'matrix-invitee@example.test', 'mentor', 'matrix-org-token', ${ids.managerId!}, now() + interval '1 day')`;
    await tx`insert into public.startup_invitations (startup_id, email, token_hash, invited_by, expires_at)
             values (${ids.startupS!}, 'matrix-cofounder@example.test', 'matrix-startup-token', ${ids.founderId!}, now() + interval '1 day')`;
    ids.eventDraft = (
      await tx<{ id: string }[]>`insert into public.events (org_id, slug, title_vi, title_en, starts_at, ends_at, capacity, published)
        values (${orgA.id}, 'matrix-draft', 'Nháp', 'Draft', now() + interval '1 day', now() + interval '2 days', 10, false) returning id`
    )[0]!.id;
    // events: a published forum of A with an agenda, a ticket type on sale (its own quota), a hidden
    // one unlocked by a code, a question; the founder's confirmed order; otherFounder waits for a seat
    ids.eventLive = (
      await tx<{ id: string }[]>`insert into public.events (org_id, slug, title_vi, title_en, starts_at, ends_at, capacity, published, cancel_hours)
        values (${orgA.id}, 'matrix-live', 'Diễn đàn', 'Forum', now() + interval '10 days', now() + interval '11 days', 10, true, 24) returning id`
    )[0]!.id;
    ids.speaker = (await tx<{ id: string }[]>`insert into public.event_speakers (event_id, name) values (${ids.eventLive}, 'Speaker') returning id`)[0]!.id;
    ids.agendaSession = (
      await tx<{ id: string }[]>`insert into public.event_sessions (event_id, title_vi, title_en, starts_at, ends_at, speaker_ids)
        values (${ids.eventLive}, 'Khai mạc', 'Opening', now() + interval '10 days', now() + interval '10 days 1 hour', array[${ids.speaker}]::uuid[]) returning id`
    )[0]!.id;
    ids.quota = (await tx<{ id: string }[]>`insert into public.ticket_quotas (event_id, name, size) values (${ids.eventLive}, 'Hall', 10) returning id`)[0]!.id;
    ids.ticketType = (
      await tx<{ id: string }[]>`insert into public.ticket_types (event_id, name_vi, name_en, sales_start, sales_end)
        values (${ids.eventLive}, 'Vé', 'Ticket', now() - interval '1 day', now() + interval '9 days') returning id`
    )[0]!.id;
    ids.hiddenType = (
      await tx<{ id: string }[]>`insert into public.ticket_types (event_id, name_vi, name_en, sales_start, sales_end, hidden)
        values (${ids.eventLive}, 'Vé khách mời', 'Guest ticket', now() - interval '1 day', now() + interval '9 days', true) returning id`
    )[0]!.id;
    await tx`insert into public.ticket_type_quotas (ticket_type_id, quota_id) values (${ids.ticketType}, ${ids.quota}), (${ids.hiddenType}, ${ids.quota})`;
    await tx`insert into public.ticket_type_codes (ticket_type_id, code) values (${ids.hiddenType}, 'matrix-code')`;
    ids.quota2 = (await tx<{ id: string }[]>`insert into public.ticket_quotas (event_id, name, size) values (${ids.eventLive}, 'Guests', 5) returning id`)[0]!.id;
    ids.eventQuestion = (
      await tx<{ id: string }[]>`insert into public.event_questions (event_id, label_vi, label_en) values (${ids.eventLive}, 'Công ty', 'Company') returning id`
    )[0]!.id;
    ids.order = (
      await tx<{ id: string }[]>`insert into public.event_orders (event_id, buyer_id, email, status, total_vnd, confirmed_at)
        values (${ids.eventLive}, ${ids.founderId!}, 'founder@example.test', 'confirmed', 0, now()) returning id`
    )[0]!.id;
    ids.ticket = (
      await tx<{ id: string }[]>`insert into public.event_tickets (order_id, event_id, ticket_type_id, buyer_id, attendee_name, attendee_email, price_vnd)
        values (${ids.order}, ${ids.eventLive}, ${ids.ticketType}, ${ids.founderId!}, 'Founder', 'founder@example.test', 0) returning id`
    )[0]!.id;
    await tx`update public.ticket_quotas set taken = 1 where id = ${ids.quota}`;
    ids.waitlistPlace = (
      await tx<{ id: string }[]>`insert into public.event_waitlist (event_id, ticket_type_id, user_id, name, email)
        values (${ids.eventLive}, ${ids.hiddenType}, ${ids.otherFounderId!}, 'Other', 'other@example.test') returning id`
    )[0]!.id;
    ids.eventMessage = (
      await tx<{ id: string }[]>`insert into public.event_messages (event_id, sender_id, send_key, subject_vi, body_vi, audience, recipients)
        values (${ids.eventLive}, ${ids.managerId!}, gen_random_uuid(), 'Chào', 'Nội dung', '{"to": "attendees"}', 1) returning id`
    )[0]!.id;
    ids.spaceInactive = (
      await tx<{ id: string }[]>`insert into public.spaces (org_id, kind, name_vi, name_en, capacity, active)
        values (${orgA.id}, 'lab', 'Phòng cũ', 'Old lab', 4, false) returning id`
    )[0]!.id;
    await tx`insert into public.email_outbox (to_email, locale, template, subject, html, text_body) values ('matrix@example.test', 'en', 'welcome', 's', 'h', 't')`;
    await tx`insert into public.sign_in_attempts (email, ip, succeeded) values ('matrix@example.test', '1.2.3.4', false)`;
    await tx`insert into public.sign_in_counters (key) values ('pair:1.2.3.4|matrix@example.test')`;
    await tx`insert into public.sign_in_unlocks (user_id, token_hash, expires_at) values (${ids.founderId!}, 'matrix-unlock', now() + interval '1 hour')`;
    await tx`insert into public.application_notes (application_id, author_id, body) values (${ids.app!}, ${ids.managerId!}, 'Internal')`;
    await tx`insert into public.review_reminders (call_id, reviewer_id, kind) values (${ids.call!}, ${ids.assignedReviewerId!}, 'due_soon')`;
    await tx`insert into public.call_reviewers (call_id, user_id, guest, added_by) values (${ids.call!}, ${ids.researcherId!}, false, ${ids.managerId!})`;
    await tx`insert into public.reviewer_invitations (call_id, email, token_hash, invited_by, expires_at)
             values (${ids.call!}, 'matrix-judge@example.test', 'matrix-judge-token', ${ids.managerId!}, now() + interval '1 day')`;
    // mentoring: the mentor of A (profile, approved for P) mentors S2, in P's cohort; one session
    await tx`insert into public.expertise_tags (slug, name_vi, name_en) values ('matrix-ai', 'Trí tuệ nhân tạo', 'Artificial intelligence')`;
    await tx`insert into public.mentor_profiles (user_id, org_id, expertise) values (${ids.mentorId!}, ${orgA.id}, '{matrix-ai}')`;
    await tx`insert into public.program_mentors (program_id, mentor_id) values (${ids.program!}, ${ids.mentorId!})`;
    await tx`insert into public.startup_mentors (startup_id, mentor_id, program_id) values (${ids.startupS2!}, ${ids.mentorId!}, ${ids.program!})`;
    await tx`insert into public.startup_needs (startup_id, expertise) values (${ids.startupS2!}, '{matrix-ai}')`;
    // matching: S2 asked the mentor (pending), and P's managers are editing a proposal pairing them
    ids.request = (
      await tx<{ id: string }[]>`insert into public.mentor_requests (program_id, startup_id, mentor_id, rank, status, sent_at, due_at)
        values (${ids.program!}, ${ids.startupS2!}, ${ids.mentorId!}, 1, 'pending', now(), now() + interval '7 days') returning id`
    )[0]!.id;
    await tx`insert into public.mentor_proposals (program_id, startup_id, mentor_id, score) values (${ids.program!}, ${ids.startupS2!}, ${ids.mentorId!}, 50)`;
    await tx`insert into public.mentor_weekly_hours (mentor_id, weekday, starts, ends) values (${ids.mentorId!}, 1, '09:00', '17:00')`;
    await tx`insert into public.mentor_date_overrides (mentor_id, on_date, starts, ends) values (${ids.mentorId!}, '2026-12-24', '09:00', '11:00')`;
    ids.session = (
      await tx<{ id: string }[]>`insert into public.mentoring_sessions (program_id, startup_id, mentor_id, starts_at, ends_at, blocked_from, blocked_until)
        select ${ids.program!}, ${ids.startupS2!}, ${ids.mentorId!}, t, t + interval '1 hour', t, t + interval '1 hour'
          from (select date_trunc('hour', now()) + interval '2 days' as t) x returning id`
    )[0]!.id;
    // after a session three days ago: notes, an action item, the founders' feedback; the mentor's calendar feed
    ids.pastSession = (
      await tx<{ id: string }[]>`insert into public.mentoring_sessions (program_id, startup_id, mentor_id, starts_at, ends_at, blocked_from, blocked_until)
        select ${ids.program!}, ${ids.startupS2!}, ${ids.mentorId!}, t, t + interval '1 hour', t, t + interval '1 hour'
          from (select date_trunc('hour', now()) - interval '3 days' as t) x returning id`
    )[0]!.id;
    await tx`insert into public.mentoring_notes (session_id, body) values (${ids.pastSession}, 'Notes')`;
    await tx`insert into public.mentoring_action_items (session_id, body) values (${ids.pastSession}, 'Send the deck')`;
    await tx`insert into public.mentoring_feedback (session_id, side, author_id, rating) values (${ids.pastSession}, 'founder', ${ids.otherFounderId!}, 4)`;
    // office hours of the mentor in three and four days, five seats; S2 holds one in the second
    ids.officeHours = (
      await tx<{ id: string }[]>`insert into public.mentor_office_hours (mentor_id, starts_at, ends_at, seats)
        select ${ids.mentorId!}, t, t + interval '1 hour', 5 from (select date_trunc('hour', now()) + interval '3 days' as t) x returning id`
    )[0]!.id;
    ids.officeHoursSeated = (
      await tx<{ id: string }[]>`insert into public.mentor_office_hours (mentor_id, starts_at, ends_at, seats, seats_taken)
        select ${ids.mentorId!}, t, t + interval '1 hour', 5, 1 from (select date_trunc('hour', now()) + interval '4 days' as t) x returning id`
    )[0]!.id;
    await tx`insert into public.office_hours_seats (office_hours_id, startup_id, taken_by) values (${ids.officeHoursSeated}, ${ids.startupS2!}, ${ids.otherFounderId!})`;
    await tx`insert into public.mentor_calendar_feeds (mentor_id, token_hash) values (${ids.mentorId!}, sha256('matrix-feed'))`;
    // a mentoring of S2 that ended in P, and P's last cohort-wide solve
    await tx`insert into public.mentoring_endings (program_id, startup_id, mentor_id, since, ended_by)
             values (${ids.program!}, ${ids.startupS2!}, ${ids.mentorId!}, now() - interval '90 days', ${ids.managerId!})`;
    await tx`insert into public.mentor_assignment_runs (program_id, status, requested_by, finished_at, proposed)
             values (${ids.program!}, 'done', ${ids.managerId!}, now(), 1)`;
    await tx`insert into public.payments (kind, reference, org_id, payer_id, description, amount_vnd, method, deadline, bank_reference)
             values ('matrix', gen_random_uuid(), ${ids.orgA!}, ${ids.founderId!}, 'Ticket', 150000, 'bank_transfer', now() + interval '1 day', 'MATRIXPAY1')`;
    await tx`insert into public.stripe_events (id, type) values ('evt_matrix', 'checkout.session.completed')`;
    await tx`insert into public.pending_decisions (application_id, call_id, decision) values (${ids.app!}, ${ids.call!}, 'rejected')`;
  });
  await review(ids.app, ids.assignedReviewerId!, [[ids.criterion, 4]]);
  // C's stored ranking, then a change it does not hold yet
  await asService(async (tx) => {
    await tx`select count(*) from public.ranking_page(${ids.call!}, 'rank', false, null, null, null, null, false, null, null, 50, 0)`;
    await tx`insert into public.ranking_changes (call_id) values (${ids.call!})`;
  });
});

afterAll(() => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.info(`rls-matrix: ${Object.keys(TABLES).length} table entries, ${ACTORS.length} actors, ${cases} cases in ${seconds} s`);
});

describe("the access matrix covers the catalog", () => {
  it("has an entry for every table of schema public, and its column groups hold every column", async () => {
    const columns = await asService(
      (tx) => tx<{ table_name: string; column_name: string }[]>`
        select c.table_name, c.column_name from information_schema.columns c
          join pg_class t on t.relname = c.table_name join pg_namespace n on n.oid = t.relnamespace and n.nspname = c.table_schema
         where c.table_schema = 'public' and t.relkind in ('r', 'p') order by c.table_name, c.ordinal_position`,
    );
    const problems: string[] = [];
    const tables = [...new Set(columns.map((c) => c.table_name))];
    for (const table of tables) {
      const entries = Object.entries(TABLES).filter(([, e]) => e.table === table);
      if (entries.length === 0)
        problems.push(
          `table public.${table} has no entry in ${SPEC_FILE}: add one to TABLES with its column groups and who may select, insert, update and delete`,
        );
      for (const [name, entry] of entries) {
        const grouped = Object.values(entry.groups).flatMap((g) => g.columns);
        for (const c of columns.filter((x) => x.table_name === table && !grouped.includes(x.column_name))) {
          problems.push(
            `column public.${table}.${c.column_name} is in no column group of TABLES["${name}"] in ${SPEC_FILE}: add it to a group (or a new one with its expected actors)`,
          );
        }
        for (const c of grouped.filter((g) => !columns.some((x) => x.table_name === table && x.column_name === g))) {
          problems.push(`TABLES["${name}"] in ${SPEC_FILE} lists column ${c}, which public.${table} does not have`);
        }
      }
    }
    for (const [name, entry] of Object.entries(TABLES)) {
      if (!tables.includes(entry.table)) problems.push(`TABLES["${name}"] in ${SPEC_FILE} names public.${entry.table}, which does not exist`);
    }
    expect(problems).toEqual([]);
  });

  it("has a row for every function that visitors or signed-in users may execute", async () => {
    const callable = await asService(
      (tx) => tx<{ fn: string }[]>`
        select regexp_replace(p.oid::regprocedure::text, '^public\\.', '') as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
         order by 1`,
    );
    const problems = [
      ...callable
        .filter((f) => !(f.fn in FUNCTIONS))
        .map(
          (f) =>
            `function public.${f.fn} is executable by anon or authenticated but has no row in FUNCTIONS in ${SPEC_FILE}: add the call to try and who may learn from it (or revoke execute)`,
        ),
      ...Object.keys(FUNCTIONS)
        .filter((fn) => !callable.some((f) => f.fn === fn))
        .map((fn) => `FUNCTIONS["${fn}"] in ${SPEC_FILE} is not executable by anon or authenticated (or does not exist): remove its row`),
    ];
    expect(problems).toEqual([]);
  });
});

type Observed = Record<string, Actor[]>;

/** Every case of one table entry for every actor: one transaction per actor, a savepoint per case. */
async function observeTable(name: string): Promise<Observed> {
  const entry = TABLES[name]!;
  const seen: Observed = {};
  const mark = (key: string, actor: Actor, allowed: boolean) => {
    seen[key] ??= [];
    if (allowed) seen[key]!.push(actor);
    cases++;
  };
  // actors side by side, each in its own transaction: every write is rolled back at once, so
  // none sees another's
  await Promise.all(
    ACTORS.map((actor) =>
      asUser(claims[actor], async (tx) => {
        for (const [group, g] of Object.entries(entry.groups)) {
          const read = await attempt(tx, `select ${g.columns.join(", ")} from public.${entry.table} where ${entry.row}`);
          mark(`${group} select`, actor, "rows" in read && read.rows.length > 0);
          const write = await attempt(tx, `update public.${entry.table} set ${g.set} where ${entry.row}`);
          mark(`${group} update`, actor, "rows" in write && write.rows.count > 0);
        }
        const ins = await attempt(tx, entry.insert.sql);
        mark("insert", actor, "rows" in ins && ins.rows.count > 0);
        const del = await attempt(tx, `delete from public.${entry.table} where ${entry.row}`);
        mark("delete", actor, "rows" in del && del.rows.count > 0);
      }),
    ),
  );
  return seen;
}

const expectedOf = (name: string): Observed => {
  const entry = TABLES[name]!;
  const out: Observed = {};
  for (const [group, g] of Object.entries(entry.groups)) {
    out[`${group} select`] = [...g.select];
    out[`${group} update`] = [...g.update];
  }
  out.insert = [...entry.insert.allow];
  out.delete = [...entry.delete];
  return out;
};

/** The differences, one readable line each: what the spec expects and what the database did. */
function differences(where: string, expected: Observed, observed: Observed) {
  const lines: string[] = [];
  for (const key of Object.keys(expected)) {
    const want = new Set(expected[key]);
    const got = new Set(observed[key]);
    const extra = ACTORS.filter((a) => got.has(a) && !want.has(a));
    const missing = ACTORS.filter((a) => want.has(a) && !got.has(a));
    if (extra.length > 0) lines.push(`${where} ${key}: allowed to ${extra.join(", ")}, which ${SPEC_FILE} refuses`);
    if (missing.length > 0) lines.push(`${where} ${key}: refused to ${missing.join(", ")}, whom ${SPEC_FILE} allows`);
  }
  return lines;
}

describe("each table, as each actor", () => {
  for (const name of Object.keys(TABLES)) {
    it(`${name}: select, update per column group, insert, delete`, async () => {
      expect(differences(name, expectedOf(name), await observeTable(name))).toEqual([]);
    });
  }
});

describe("each function callable through the API, as each actor", () => {
  it("answers only those who may know, and refuses or tells nothing to anyone else", async () => {
    const observed: Observed = {};
    await Promise.all(
      ACTORS.map((actor) =>
        asUser(claims[actor], async (tx) => {
          // every actor calls the same functions at once on the same rows (an event's quota): a
          // wait for another actor's savepoint on a loaded machine is no refusal
          await tx`select set_config('lock_timeout', '30s', true)`;
          for (const [fn, { call }] of Object.entries(FUNCTIONS)) {
            const result = await attempt(tx, call);
            observed[fn] ??= [];
            if ("rows" in result && result.rows.some((row) => Object.values(row).some(informative))) observed[fn]!.push(actor);
            cases++;
          }
        }),
      ),
    );
    const expected = Object.fromEntries(Object.entries(FUNCTIONS).map(([fn, f]) => [fn, [...f.learns]]));
    expect(differences("function", expected, observed)).toEqual([]);
  });
});
