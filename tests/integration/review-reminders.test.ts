import { beforeAll, describe, expect, it } from "vitest";
import { autoAssign } from "~/modules/applications/review/assignment.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, outboxFor, type TestUser } from "../support/factories";
import { runScheduled } from "../support/jobs";
import { createApplication, createCall, createProgram } from "../support/application-factories";

// Reviewers are told: a mail when assigned (with the call's due date), and the scheduler's
// reminders two days before the due date and once it has passed. The test moves the job clock
// (the scheduler's tick the sweep runs as of) instead of waiting.
let manager: TestUser;
let viReviewer: TestUser;
let enReviewer: TestUser;
let callId: string;

const mails = async (user: TestUser, template: string) => (await outboxFor(user.email)).filter((m) => m.template === template);
const setDue = (interval: string) =>
  asService((tx) => tx`update public.calls set review_due_at = now() + ${interval}::interval where id = ${callId}`);
const DAY = 86_400_000;
let dueSet = 0; // when the due date (ten days on) was set
const sweep = (after = 0) => runScheduled("applications.remind-reviewers", new Date(dueSet + after));

beforeAll(async () => {
  [manager, viReviewer, enReviewer] = await Promise.all([createUser(), createUser({ locale: "vi" }), createUser({ locale: "en" })]);
  const org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  await addMember(org.id, viReviewer.id, "reviewer");
  await addMember(org.id, enReviewer.id, "reviewer");
  const program = await createProgram(org.id);
  callId = (await createCall(program.id, { reviewsPerApplication: 2 })).id;
  await asService((tx) => tx`update public.calls set time_zone = 'Asia/Ho_Chi_Minh' where id = ${callId}`);
  dueSet = Date.now();
  await setDue("10 days");
  for (let i = 0; i < 3; i++) {
    const founder = await createUser();
    const startup = await createStartup(founder.id);
    await createApplication(callId, startup.id, founder.id);
  }
});

describe("reviewers are told", () => {
  it("mails each reviewer once when assigned, with how many applications and the due date in the call's zone", async () => {
    expect(await autoAssign(manager.claims, callId)).toMatchObject({ assigned: 6 });
    const [vi] = await mails(viReviewer, "review-assigned");
    const [en] = await mails(enReviewer, "review-assigned");
    expect(vi!.subject).toMatch(/Bạn được phân công đánh giá 3 hồ sơ/);
    expect(en!.subject).toMatch(/You have been assigned 3 applications to review/);
    expect(en!.text_body).toMatch(/Please complete your reviews by .*\(Indochina Time, GMT\+7\)/);
    // Running the assignment again assigns nothing and mails nobody.
    expect(await autoAssign(manager.claims, callId)).toMatchObject({ assigned: 0 });
    expect(await mails(enReviewer, "review-assigned")).toHaveLength(1);
  });

  it("reminds the reviewers with unfinished reviews two days before the due date, once", async () => {
    await sweep();
    expect(await mails(enReviewer, "review-reminder")).toHaveLength(0); // ten days ahead: nothing yet

    // The English reviewer finishes their reviews; the clock moves to a day before the due date.
    await asService((tx) => tx`update public.review_assignments set status = 'submitted', submitted_at = now() where reviewer_id = ${enReviewer.id}`);
    await sweep(9 * DAY);
    await sweep(9 * DAY);
    const [soon] = await mails(viReviewer, "review-reminder");
    expect(await mails(viReviewer, "review-reminder")).toHaveLength(1);
    expect(soon!.subject).toMatch(/^Nhắc nhở: còn 3 hồ sơ chờ bạn đánh giá/);
    expect(soon!.text_body).toMatch(/Hạn đánh giá là /);
    expect(await mails(enReviewer, "review-reminder")).toHaveLength(0);
  });

  it("reminds the overdue once more after the due date has passed, and only them", async () => {
    await sweep(10 * DAY + 3_600_000);
    await sweep(10 * DAY + 3_600_000);
    const reminders = await mails(viReviewer, "review-reminder");
    expect(reminders).toHaveLength(2);
    expect(reminders[0]!.subject).toMatch(/^Đã quá hạn: còn 3 hồ sơ/);
    expect(await mails(enReviewer, "review-reminder")).toHaveLength(0);
    // What was sent is visible to the call's managers, and to nobody else.
    const seen = await asUser(manager.claims, (tx) => tx`select kind from public.review_reminders where call_id = ${callId} order by kind`);
    expect(seen.map((r) => r.kind)).toEqual(["due_soon", "overdue"]);
    const hidden = await asUser(viReviewer.claims, (tx) => tx`select kind from public.review_reminders where call_id = ${callId}`);
    expect(hidden).toHaveLength(0);
  });
});
