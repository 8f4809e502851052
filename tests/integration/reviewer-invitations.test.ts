import { beforeAll, describe, expect, it } from "vitest";
import { autoAssign, reviewersPage } from "~/modules/applications/review/assignment.server";
import { acceptReviewerInvitation, addMemberReviewer, inviteReviewer, viewReviewerInvitation } from "~/modules/applications/review/invitations.server";
import { ReviewersIntent } from "~/modules/applications/select/schema";
import { asService, asUser } from "~/platform/db/transaction.server";
import { parseForm } from "~/platform/http/form.server";
import { addMember, createOrg, createStartup, createUser, linkIn, outboxFor, type TestUser } from "../support/factories";
import { assign, createApplication, createCall, createProgram } from "../support/application-factories";

// Reviewers invited from a call's reviewers tab: a member of the organisation added to the call,
// or an address that becomes a guest judge of this call only.
let manager: TestUser;
let coManager: TestUser;
let mentor: TestUser; // a member of the organisation without the reviewer role
let orgId: string;
let callId: string;
let otherCallId: string; // another call of the same organisation
let apps: string[];
let otherApp: string;
let n = 0;
const address = () => `judge-${Date.now().toString(36)}-${n++}@example.test`;

beforeAll(async () => {
  [manager, coManager, mentor] = await Promise.all([createUser({ locale: "vi" }), createUser(), createUser()]);
  orgId = (await createOrg()).id;
  await addMember(orgId, manager.id, "manager");
  await addMember(orgId, coManager.id, "manager");
  await addMember(orgId, mentor.id, "mentor");
  const program = await createProgram(orgId);
  callId = (await createCall(program.id, { reviewsPerApplication: 1 })).id;
  otherCallId = (await createCall(program.id)).id;
  apps = [];
  for (let i = 0; i < 2; i++) {
    const founder = await createUser();
    apps.push(await createApplication(callId, (await createStartup(founder.id)).id, founder.id));
  }
  const founder = await createUser();
  otherApp = await createApplication(otherCallId, (await createStartup(founder.id)).id, founder.id);
});

const invitationsTo = (email: string) =>
  asService((tx) => tx<{ call_id: string; accepted_at: Date | null }[]>`select call_id, accepted_at from public.reviewer_invitations where email = ${email}`);

/** The token in the newest invitation mail to an address. */
async function tokenFor(email: string) {
  const [mail] = await outboxFor(email);
  return linkIn(mail!.text_body, "/reviewer-invitations/").split("/reviewer-invitations/")[1]!;
}

describe("inviting reviewers", () => {
  it("sends one invitation when two managers invite the same address at once, in both languages to someone unknown", async () => {
    const email = address();
    const outcomes = await Promise.all([
      inviteReviewer(manager.claims, callId, email, "vi"),
      inviteReviewer(coManager.claims, callId, email, "en"),
    ]);
    expect(outcomes.sort()).toEqual(["already_invited", "invited"]);
    expect(await invitationsTo(email)).toHaveLength(1);
    const mails = await outboxFor(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe("reviewer-invitation");
    // No account, so no known language: both, Vietnamese or English first as the inviter reads.
    expect(mails[0]!.subject).toContain("Invitation to review applications");
    expect(mails[0]!.subject).toContain("Lời mời đánh giá hồ sơ");
    expect(mails[0]!.text_body).toContain("invited you to judge");
    expect(mails[0]!.text_body).toContain("mời bạn làm giám khảo");
    expect((await reviewersPage(manager.claims, callId))!.invite.invitations.map((i) => i.email)).toContain(email);
  });

  it("writes to a known person in their language only", async () => {
    const known = await createUser({ locale: "en" });
    expect(await inviteReviewer(manager.claims, callId, known.email, "vi")).toBe("invited");
    const [mail] = await outboxFor(known.email);
    expect(mail).toMatchObject({ template: "reviewer-invitation", locale: "en" });
    expect(mail!.text_body).not.toContain("Lời mời");
  });

  it("makes a guest judge of this call only, who lands on their assigned applications and nothing else", async () => {
    const email = address();
    expect(await inviteReviewer(manager.claims, callId, email, "vi")).toBe("invited");
    const token = await tokenFor(email);
    expect(await viewReviewerInvitation(token)).toMatchObject({ email });

    // Someone else signed in cannot take it; the invitee can, once.
    const stranger = await createUser();
    expect(await acceptReviewerInvitation(stranger.claims, token)).toBe("wrong_account");
    const judge = await createUser({ email });
    expect(await acceptReviewerInvitation(judge.claims, token)).toBe("accepted");
    expect(await acceptReviewerInvitation(judge.claims, token)).toBe("invalid");
    expect(await viewReviewerInvitation(token)).toBeNull();

    // In the call's pool, marked a guest; automatic assignment gives them work.
    const page = (await reviewersPage(manager.claims, callId))!;
    expect(page.reviewers.find((r) => r.id === judge.id)).toMatchObject({ guest: true, name: judge.name });
    expect(await autoAssign(manager.claims, callId)).toMatchObject({ assigned: 2 });
    const mine = await asService((tx) => tx<{ application_id: string }[]>`
      select application_id from public.review_assignments where reviewer_id = ${judge.id}`);
    expect(mine).toHaveLength(2);

    // What RLS shows the guest: their assigned applications, their own pool row, nothing of the organisation.
    const seen = await asUser(judge.claims, async (tx) => ({
      // reviewers read applications through assigned_applications() (blind review in SQL)
      apps: await tx<{ id: string }[]>`select id from public.assigned_applications()`,
      rows: await tx`select 1 from public.applications`,
      memberships: await tx`select 1 from public.memberships where org_id = ${orgId}`,
      pool: await tx<{ user_id: string }[]>`select user_id from public.call_reviewers`,
      invitations: await tx`select 1 from public.reviewer_invitations`,
      roster: await tx`select * from public.org_roster(${orgId}, 10, 0)`,
      ranking: await tx`select * from public.call_ranking(${callId})`,
    }));
    expect(seen.apps.map((a) => a.id).sort()).toEqual([...apps].sort());
    expect(seen.rows).toHaveLength(0);
    expect(seen.memberships).toHaveLength(0);
    expect(seen.pool.map((p) => p.user_id)).toEqual([judge.id]);
    expect(seen.invitations).toHaveLength(0);
    expect(seen.roster).toHaveLength(0);
    expect(seen.ranking).toHaveLength(0);

    // Never assigned to another call of the organisation, whoever writes the row.
    await expect(assign(otherApp, judge.id)).rejects.toThrow(/reviewer_not_in_call/);
    await expect(asUser(manager.claims, (tx) => tx`insert into public.review_assignments (application_id, reviewer_id) values (${otherApp}, ${judge.id})`)).rejects.toThrow();
    const [{ count }] = await asService((tx) => tx<[{ count: number }]>`select count(*)::int from public.review_assignments where reviewer_id = ${judge.id} and application_id = ${otherApp}`);
    expect(count).toBe(0);
  });

  it("tells a manager the address already reviews the call, and sends nothing", async () => {
    const [judge] = await asService((tx) => tx<{ email: string }[]>`
      select u.email from public.call_reviewers g join auth.users u on u.id = g.user_id where g.call_id = ${callId} and g.guest limit 1`);
    const before = (await outboxFor(judge!.email)).length;
    expect(await inviteReviewer(manager.claims, callId, judge!.email, "vi")).toBe("already_reviewer");
    expect(await outboxFor(judge!.email)).toHaveLength(before);
  });

  it("adds a member of the organisation directly, and refuses anyone else", async () => {
    expect((await reviewersPage(manager.claims, callId))!.invite.members.map((m) => m.id)).toContain(mentor.id);
    expect(await addMemberReviewer(manager.claims, callId, mentor.id)).toBe("added");
    expect(await addMemberReviewer(manager.claims, callId, mentor.id)).toBe("already");
    const page = (await reviewersPage(manager.claims, callId))!;
    expect(page.reviewers.find((r) => r.id === mentor.id)).toMatchObject({ guest: false });
    expect(page.invite.members.map((m) => m.id)).not.toContain(mentor.id);
    const outsider = await createUser();
    expect(await addMemberReviewer(manager.claims, callId, outsider.id)).toBe("not_member");
    // A manager of another organisation gets nothing: the call is not theirs.
    const elsewhere = await createUser();
    await addMember((await createOrg()).id, elsewhere.id, "manager");
    await expect(addMemberReviewer(elsewhere.claims, callId, mentor.id)).rejects.toThrow();
    await expect(inviteReviewer(elsewhere.claims, callId, address(), "en")).rejects.toThrow();
  });

  it("reads the forms strictly: a bad address or id is a field error, nothing more", () => {
    const form = (entries: [string, string][]) => {
      const f = new FormData();
      for (const [k, v] of entries) f.append(k, v);
      return f;
    };
    expect(parseForm(form([["intent", "invite"], ["email", "not an address"]]), ReviewersIntent)).toMatchObject({ ok: false, errors: { email: "validation.email" } });
    expect(parseForm(form([["intent", "invite"], ["email", " Judge@Example.TEST "]]), ReviewersIntent)).toMatchObject({ ok: true, data: { email: "judge@example.test" } });
    expect(parseForm(form([["intent", "addMember"], ["userId", "x'; drop"]]), ReviewersIntent)).toMatchObject({ ok: false });
  });
});
