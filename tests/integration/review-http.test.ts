import { describe, expect, it } from "vitest";
import { demoSession } from "../support/demo-session";
import { signIn } from "../support/http-client";
import { statementsOfOneRequest } from "../support/statement-count";

// The reviewer's pages over HTTP on the real server with the demo data: the demo reviewer is
// assigned AgriLink's application in the smart-city call (Vietnamese is their language).
const AGRILINK_APP = "35000000-0000-4000-8000-000000000001";
const IMPACT = "34000000-0000-4000-8000-000000000004";
const CALL = "31000000-0000-4000-8000-000000000001";
const HASH = "$2b$10$NqSZrZfh0.fn0AbvLUnt.eZHq.vWrT3iDavHTNJ4U6J41V17VJiyK"; // the demo password's
// BENCH=1: /bench/stats tells how many statements a page ran.
const session = demoSession("reviewer@demo.binhduong.example", { BENCH: "1" });
const { get, post } = session;
const written = async () => {
  const [row] = await session.db`select (select count(*)::int from public.review_scores where application_id = ${AGRILINK_APP}) as scores,
                                (select status from public.review_assignments where application_id = ${AGRILINK_APP}) as status`;
  return row;
};

describe("the reviewer's pages over HTTP", () => {
  it("answers malformed, hostile and out-of-range posts with 400 and field messages, writing nothing", async () => {
    const garbage = await post(`/review/${AGRILINK_APP}`, "%%%&&&=");
    expect(garbage.status).toBe(400);
    expect((await post(`/review/${AGRILINK_APP}`, { intent: "drop table" })).status).toBe(400);
    const range = await post(`/review/${AGRILINK_APP}`, { intent: "save", [`level_${IMPACT}`]: "99" });
    expect(range.status).toBe(400);
    expect(await range.text()).toContain("Hãy chọn một trong các mức được liệt kê.");
    const longReason = await post(`/review/${AGRILINK_APP}`, { intent: "recuse", recusalReason: "x".repeat(1001) });
    expect(longReason.status).toBe(400);
    expect(await longReason.text()).toContain("Nội dung quá dài.");
    const noReason = await post(`/review/${AGRILINK_APP}`, { intent: "abstain", reason: "   " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Hãy nêu lý do.");
    expect(await written()).toEqual({ scores: 0, status: "assigned" });
  });

  it("answers 404 for an application not assigned to the reviewer, and for nonsense ids", async () => {
    for (const id of ["00000000-0000-4000-8000-00000000dead", "not-a-uuid"]) {
      expect((await get(`/review/${id}`)).status).toBe(404);
      expect((await post(`/review/${id}`, { intent: "save" })).status).toBe(404);
    }
    expect((await get(`/review/${AGRILINK_APP}`)).status).toBe(200);
    // Signed out: to the sign-in page.
    const anonymous = await fetch(`${session.app.baseUrl}/review/${AGRILINK_APP}`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });
});

describe("the header's Review link", () => {
  /** Someone with the demo password and no role in any organisation. */
  async function person(email: string) {
    const [u] = await session.db<{ id: string }[]>`
      insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', ${email}, ${HASH}, now(),
              '{"provider":"email","providers":["email"]}', '{}', now(), now())
      returning id`;
    return u!.id;
  }
  const reviewLinks = async (email: string) => {
    const cookie = await signIn(session.app, email);
    const home = await (await fetch(`${session.app.baseUrl}/`, { headers: { cookie } })).text();
    return (home.match(/<a\b[^>]*href="\/review"[^>]*>Đánh giá<\/a>/g) ?? []).length;
  };
  /** The statements one home page costs the person signed in with `cookie` (the fewest of five, past any background work). */
  const homeStatements = (cookie: string) =>
    statementsOfOneRequest(session.app.baseUrl, async () => {
      const res = await fetch(`${session.app.baseUrl}/`, { headers: { cookie } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    });

  it("shows to guest judges and to anyone assigned a review, not to others", async () => {
    const guest = await person("guest.judge@http.example");
    await session.db`insert into public.call_reviewers (call_id, user_id, guest) values (${CALL}, ${guest}, true)`;
    const assigned = await person("assigned.only@http.example");
    await session.db`insert into public.review_assignments (application_id, reviewer_id, round) values (${AGRILINK_APP}, ${assigned}, 'review')`;
    await person("nobody@http.example");

    expect(await reviewLinks("guest.judge@http.example")).toBe(1);
    expect(await reviewLinks("assigned.only@http.example")).toBe(1);
    expect(await reviewLinks("nobody@http.example")).toBe(0);
    // The organisation's reviewer, as before.
    expect(await reviewLinks("reviewer@demo.binhduong.example")).toBe(1);
  });

  it("costs the home page no more statements than before the links were registered", async () => {
    const guest = await person("guest.counted@http.example");
    await session.db`insert into public.call_reviewers (call_id, user_id, guest) values (${CALL}, ${guest}, true)`;
    await person("nobody.counted@http.example");
    const judge = await homeStatements(await signIn(session.app, "guest.counted@http.example"));
    const nobody = await homeStatements(await signIn(session.app, "nobody.counted@http.example"));
    // The same for both, and no more than the nine of when the platform's viewer query named the review
    // tables itself: eight since a member's home reads only its events (decision 008, fourth pass e),
    // five since the viewer's read is one statement without a transaction around it (decision 009).
    expect(judge).toBe(5);
    expect(nobody).toBe(5);
  });
});
