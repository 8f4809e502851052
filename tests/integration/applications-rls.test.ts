import { beforeAll, describe, expect, it } from "vitest";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addCriterion, addQuestion, answer, assign, createApplication, createCall, createProgram, review } from "../support/application-factories";

// RLS of the applications capability, at the SQL level, as the users concerned.
let founder: TestUser; // founder of startup S, which applied
let otherFounder: TestUser; // founder of another startup that applied to the same call
let reviewer: TestUser; // assigned to S's application
let idle: TestUser; // a reviewer of the incubator, not assigned
let recused: TestUser; // assigned, then recused
let manager: TestUser; // manages the incubator running the call
let outsider: TestUser; // manager of another organisation
let app: string;
let otherApp: string;
let blindQuestion: string;
let openQuestion: string;
let criterion: string;
let callId: string;
let programId: string;

beforeAll(async () => {
  [founder, otherFounder, reviewer, idle, recused, manager, outsider] = await Promise.all([
    createUser(), createUser(), createUser(), createUser(), createUser(), createUser(), createUser(),
  ]);
  const incubator = await createOrg();
  const elsewhere = await createOrg();
  await addMember(incubator.id, manager.id, "manager");
  await addMember(incubator.id, reviewer.id, "reviewer");
  await addMember(incubator.id, idle.id, "reviewer");
  await addMember(incubator.id, recused.id, "reviewer");
  await addMember(elsewhere.id, outsider.id, "manager");
  const program = await createProgram(incubator.id);
  programId = program.id;
  const call = await createCall(program.id, { blind: ["founders"] });
  callId = call.id;
  blindQuestion = await addQuestion(call.id, { blind: true }); // e.g. "Founders' names"
  openQuestion = await addQuestion(call.id); // e.g. "Problem you solve"
  criterion = await addCriterion(call.id, 1);
  app = await createApplication(call.id, (await createStartup(founder.id)).id, founder.id, "draft");
  otherApp = await createApplication(call.id, (await createStartup(otherFounder.id)).id, otherFounder.id, "draft");
  await answer(app, blindQuestion, "Ngô Gia Huy, Bùi Ngọc Anh");
  await answer(app, openQuestion, "Leaks in city water networks");
  await asService((tx) => tx`update public.applications set status = 'submitted' where id in (${app}, ${otherApp})`);
  await review(app, reviewer.id, [[criterion, 4]]);
  await assign(app, recused.id);
  await asService((tx) => tx`update public.review_assignments set status = 'recused' where reviewer_id = ${recused.id}`);
  await asService((tx) => tx`insert into public.decision_templates (call_id, decision, body_vi, body_en) values (${call.id}, 'accepted', 'Chúc mừng', 'Congratulations')`);
  await asService((tx) => tx`insert into public.startup_mentors (startup_id, mentor_id) select startup_id, ${idle.id} from public.applications where id = ${otherApp}`);
});

const count = (claims: Claims | null, query: string) =>
  asUser(claims, async (tx) => Number((await tx.unsafe(`select count(*)::int as n from ${query}`))[0]!.n));
const changed = (claims: Claims | null, statement: string) =>
  asUser(claims, async (tx) => (await tx.unsafe(statement)).count).catch((e: Error) => `refused: ${e.message}`);

describe("applications RLS", () => {
  const covered: Record<string, () => Promise<void>> = {
    applications: async () => {
      const mine = `public.applications where id = '${app}'`;
      expect(await count(founder.claims, mine)).toBe(1);
      expect(await count(otherFounder.claims, mine)).toBe(0);
      // Reviewers never read the row itself: it names the applicant (startup_id, created_by).
      expect(await count(reviewer.claims, mine)).toBe(0);
      expect(await count(idle.claims, mine)).toBe(0);
      expect(await count(recused.claims, mine)).toBe(0);
      expect(await count(manager.claims, mine)).toBe(1);
      expect(await count(outsider.claims, mine)).toBe(0);
      expect(await count(null, mine)).toBe(0);
      // A founder cannot decide for themselves; a reviewer cannot change an application at all.
      expect(await changed(founder.claims, `update public.applications set decision = 'accepted' where id = '${app}'`)).toMatch(/refused/);
      expect(await changed(reviewer.claims, `update public.applications set stage = 'decision' where id = '${app}'`)).toBe(0);
      expect(await changed(outsider.claims, `update public.applications set decision = 'rejected' where id = '${app}'`)).toBe(0);
      expect(await changed(manager.claims, `update public.applications set stage = 'interview' where id = '${app}'`)).toBe(1);
    },
    assigned_applications: async () => {
      const mine = `public.assigned_applications() where id = '${app}'`;
      expect(await count(reviewer.claims, mine)).toBe(1);
      expect(await count(idle.claims, mine)).toBe(0);
      expect(await count(recused.claims, mine)).toBe(0);
      expect(await count(founder.claims, mine)).toBe(0);
      expect(await count(reviewer.claims, "public.assigned_applications()")).toBe(1);
      expect(await changed(null, "select * from public.assigned_applications()")).toMatch(/refused: errors.forbidden/);
    },
    application_answers: async () => {
      expect(await count(founder.claims, `public.application_answers where application_id = '${app}'`)).toBe(2);
      expect(await count(manager.claims, `public.application_answers where application_id = '${app}'`)).toBe(2);
      // The reviewer sees the open answer, never the blind one.
      expect(await count(reviewer.claims, `public.application_answers where application_id = '${app}' and question_id = '${openQuestion}'`)).toBe(1);
      expect(await count(reviewer.claims, `public.application_answers where application_id = '${app}' and question_id = '${blindQuestion}'`)).toBe(0);
      expect(await count(recused.claims, `public.application_answers where application_id = '${app}'`)).toBe(0);
      expect(await count(otherFounder.claims, `public.application_answers where application_id = '${app}'`)).toBe(0);
      // Submitted answers are locked, even for their founder.
      expect(await changed(founder.claims, `update public.application_answers set value = '"changed"' where application_id = '${app}'`)).toMatch(/refused: application_locked/);
    },
    application_files: async () => {
      await asService((tx) => tx`insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type)
        select ${otherApp}, ${blindQuestion}, 'decks/x.pdf', 'deck.pdf', 10, 'application/pdf'
        where false`); // files need a draft; visibility follows the same rule as answers
      expect(await count(otherFounder.claims, `public.application_files where application_id = '${app}'`)).toBe(0);
      expect(await changed(otherFounder.claims, `insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type, uploaded_by) values ('${app}', '${openQuestion}', 'decks/y.pdf', 'y.pdf', 5, 'application/pdf', '${otherFounder.id}')`)).toMatch(/refused/);
    },
    review_assignments: async () => {
      expect(await count(reviewer.claims, `public.review_assignments where application_id = '${app}'`)).toBe(1); // their own only
      expect(await count(manager.claims, `public.review_assignments where application_id = '${app}'`)).toBe(2);
      expect(await count(founder.claims, `public.review_assignments where application_id = '${app}'`)).toBe(0);
      expect(await changed(reviewer.claims, `update public.review_assignments set reviewer_id = '${idle.id}' where reviewer_id = '${reviewer.id}'`)).toMatch(/refused/);
      expect(await changed(recused.claims, `update public.review_assignments set status = 'submitted' where reviewer_id = '${recused.id}'`)).toMatch(/refused/);
      expect(await changed(idle.claims, `insert into public.review_assignments (application_id, reviewer_id) values ('${app}', '${idle.id}')`)).toMatch(/refused/);
    },
    review_scores: async () => {
      const scores = `public.review_scores where application_id = '${app}'`;
      expect(await count(reviewer.claims, scores)).toBe(1);
      expect(await count(manager.claims, scores)).toBe(1);
      expect(await count(founder.claims, scores)).toBe(0); // not released
      expect(await count(idle.claims, scores)).toBe(0);
      await asService((tx) => tx`update public.applications set feedback_released = true where id = ${app}`);
      // once released, founders read the submitted reviews through released_feedback(), never the table (drafts stay private)
      expect(await count(founder.claims, scores)).toBe(0);
      expect(await count(founder.claims, `public.released_feedback('${app}')`)).toBe(1);
      expect(await count(otherFounder.claims, `public.released_feedback('${app}')`)).toBe(0);
      expect(await count(otherFounder.claims, scores)).toBe(0);
      expect(await changed(idle.claims, `insert into public.review_scores (application_id, reviewer_id, round, criterion_id, level) values ('${app}', '${idle.id}', 'review', '${criterion}', 5)`)).toMatch(/refused/);
    },
    application_events: async () => {
      expect(await count(manager.claims, `public.application_events where application_id = '${app}'`)).toBeGreaterThan(0);
      expect(await count(founder.claims, `public.application_events where application_id = '${app}'`)).toBeGreaterThan(0);
      expect(await count(reviewer.claims, `public.application_events where application_id = '${app}'`)).toBe(0);
      // a view of the append-only audit_events: nobody deletes through it
      expect(await changed(manager.claims, `delete from public.application_events where application_id = '${app}'`)).toMatch(/refused/);
    },
    decision_templates: async () => {
      expect(await count(manager.claims, `public.decision_templates where call_id = '${callId}'`)).toBe(1);
      expect(await count(founder.claims, `public.decision_templates where call_id = '${callId}'`)).toBe(0);
      expect(await count(outsider.claims, `public.decision_templates where call_id = '${callId}'`)).toBe(0);
    },
    cohort_members: async () => {
      await asService((tx) => tx`insert into public.cohort_members (program_id, startup_id, application_id) select ${programId}, startup_id, id from public.applications where id = ${otherApp}`);
      expect(await count(null, `public.cohort_members where program_id = '${programId}'`)).toBe(1); // the cohort is public
      // which application brought the startup in is not: it would unmask a blind review
      expect(await changed(reviewer.claims, "select application_id from public.cohort_members")).toMatch(/refused: errors.forbidden/);
      expect(await changed(null, "select application_id from public.cohort_members")).toMatch(/refused: errors.forbidden/);
      expect(await changed(founder.claims, `insert into public.cohort_members (program_id, startup_id) select '${programId}', startup_id from public.applications where id = '${app}'`)).toMatch(/refused/);
      expect(await changed(outsider.claims, `delete from public.cohort_members`)).toBe(0);
    },
    calls: async () => {
      await asService((tx) => tx`update public.calls set published = false where id = ${callId}`);
      expect(await count(null, `public.calls where id = '${callId}'`)).toBe(0);
      expect(await count(outsider.claims, `public.calls where id = '${callId}'`)).toBe(0);
      expect(await count(manager.claims, `public.calls where id = '${callId}'`)).toBe(1);
      expect(await changed(outsider.claims, `update public.calls set closes_at = now() + interval '1 year' where id = '${callId}'`)).toBe(0);
      await asService((tx) => tx`update public.calls set published = true where id = ${callId}`);
      expect(await count(null, `public.calls where id = '${callId}'`)).toBe(1);
    },
    programs: async () => {
      expect(await count(null, `public.programs where id = '${programId}'`)).toBe(1);
      expect(await changed(outsider.claims, `update public.programs set name_en = 'x' where id = '${programId}'`)).toBe(0);
    },
    call_tracks: async () => {
      expect(await changed(outsider.claims, `insert into public.call_tracks (call_id, name_vi, name_en) values ('${callId}', 'a', 'b')`)).toMatch(/refused/);
    },
    call_questions: async () => {
      expect(await count(null, `public.call_questions where call_id = '${callId}'`)).toBe(2); // the form of a published call is public
      expect(await changed(founder.claims, `update public.call_questions set blind = false where call_id = '${callId}'`)).toBe(0);
    },
    rubric_criteria: async () => {
      expect(await changed(reviewer.claims, `update public.rubric_criteria set weight = 99 where call_id = '${callId}'`)).toBe(0);
    },
    rubric_levels: async () => {
      expect(await changed(outsider.claims, `insert into public.rubric_levels (criterion_id, level, description_vi, description_en) values ('${criterion}', 1, 'a', 'b')`)).toMatch(/refused/);
    },
    application_notes: async () => {
      // Internal notes: the call's managers write and read them; founders and reviewers never do.
      await asUser(manager.claims, async (tx) => {
        await tx`insert into public.application_notes (application_id, body) values (${app}, 'internal')`;
      });
      const notes = `public.application_notes where application_id = '${app}'`;
      expect(await count(manager.claims, notes)).toBe(1);
      for (const who of [founder, reviewer, outsider]) expect(await count(who.claims, notes)).toBe(0);
      expect(await changed(null, `select * from ${notes}`)).toMatch(/refused/);
      for (const who of [founder, reviewer, outsider]) {
        expect(await changed(who.claims, `insert into public.application_notes (application_id, body) values ('${app}', 'x')`)).toMatch(/refused/);
      }
      expect(await changed(manager.claims, `update public.application_notes set body = 'edited'`)).toMatch(/refused/);
      expect(await changed(manager.claims, `delete from public.application_notes`)).toMatch(/refused/);
    },
    review_reminders: async () => {
      // Written only by the scheduler; the call's managers read what was sent, nobody else.
      await asService((tx) => tx`insert into public.review_reminders (call_id, reviewer_id, kind) values (${callId}, ${reviewer.id}, 'due_soon') on conflict do nothing`);
      const sent = `public.review_reminders where call_id = '${callId}'`;
      expect(await count(manager.claims, sent)).toBe(1);
      for (const who of [reviewer, founder, outsider]) expect(await count(who.claims, sent)).toBe(0);
      expect(await count(null, sent)).toBe(0);
      for (const who of [manager, reviewer]) {
        expect(await changed(who.claims, `delete from public.review_reminders where call_id = '${callId}'`)).toMatch(/refused/);
        expect(await changed(who.claims, `insert into public.review_reminders (call_id, reviewer_id, kind) values ('${callId}', '${who.id}', 'overdue')`)).toMatch(/refused/);
      }
    },
    startup_mentors: async () => {
      expect(await count(idle.claims, "public.startup_mentors")).toBe(1);
      expect(await count(outsider.claims, "public.startup_mentors")).toBe(0);
      expect(await count(null, "public.startup_mentors")).toBe(0);
    },
  };

  for (const [table, check] of Object.entries(covered)) {
    it(`refuses the wrong user on ${table}`, check);
  }

  it("gives a reviewer no way in SQL to learn who applied to a blind call", async () => {
    const attempt = (query: string) => changed(reviewer.claims, query);
    expect(await attempt("select startup_id from public.assigned_applications()")).toMatch(/refused: column "startup_id" does not exist/);
    expect(await attempt("select created_by from public.assigned_applications()")).toMatch(/refused: column "created_by" does not exist/);
    expect(await attempt("select uploaded_by from public.application_files")).toMatch(/refused: errors.forbidden/);
    expect(await count(reviewer.claims, `public.applications a join public.startups s on s.id = a.startup_id where a.id = '${app}'`)).toBe(0);
    // what the call does not hide comes through application_identity(); the founders it hides stay null
    const [identity] = await asUser(reviewer.claims, (tx) => tx`select name, founders from public.application_identity(${app})`);
    expect(identity!.name).toEqual(expect.any(String));
    expect(identity!.founders).toBeNull();
  });

  it("keeps the deck's original file name from a reviewer of a blind call, in SQL; founders and managers read it", async () => {
    await asService((tx) => tx`insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type, uploaded_by)
      values (${app}, ${openQuestion}, 'decks/named.pdf', 'Ngo-Gia-Huy-HydroSense.pdf', 10, 'application/pdf', ${founder.id})`);
    const names = (who: TestUser) =>
      asUser(who.claims, async (tx) => (await tx.unsafe(`select original_name from public.application_files where application_id = '${app}'`)).map((r) => r.original_name as string))
        .catch((e: Error) => `refused: ${e.message}`);
    expect(await names(reviewer)).not.toContain("Ngo-Gia-Huy-HydroSense.pdf");
    expect(await changed(reviewer.claims, `select f.id from public.application_files f where f.application_id = '${app}' and f.original_name like 'Ngo%'`)).toBe(0);
    expect(await names(founder)).toEqual(["Ngo-Gia-Huy-HydroSense.pdf"]);
    expect(await names(manager)).toEqual(["Ngo-Gia-Huy-HydroSense.pdf"]);
    // what the reviewer gets instead: the file under the application's code
    const [code] = await asService((tx) => tx<{ code: string }[]>`select code from public.applications where id = ${app}`);
    const listed = await asUser(reviewer.claims, (tx) => tx`select name from public.reviewer_files(${app})`);
    expect(listed).toEqual([{ name: `${code!.code}.pdf` }]);
    expect(await asUser(idle.claims, (tx) => tx`select name from public.reviewer_files(${app})`)).toEqual([]);
    expect(await asUser(founder.claims, (tx) => tx`select name from public.reviewer_files(${app})`)).toEqual([]);
  });

  it("keeps an unpublished call's form and rubric for its reviewers, and only for them", async () => {
    await asService((tx) => tx`update public.calls set published = false where id = ${callId}`);
    try {
      for (const table of ["calls where id", "call_questions where call_id", "rubric_criteria where call_id"]) {
        const query = `public.${table} = '${callId}'`;
        expect(await count(reviewer.claims, query)).toBeGreaterThan(0);
        expect(await count(idle.claims, query)).toBe(0);
        expect(await count(recused.claims, query)).toBe(0);
        expect(await count(founder.claims, query)).toBe(0);
      }
    } finally {
      await asService((tx) => tx`update public.calls set published = true where id = ${callId}`);
    }
  });

  it("never assigns a conflicted reviewer: a member, colleague or mentor of the startup", async () => {
    await expect(assign(otherApp, idle.id)).rejects.toThrow(/reviewer_conflicted/); // mentored it
    await expect(assign(otherApp, otherFounder.id)).rejects.toThrow(/reviewer_conflicted/); // founded it
  });
});
