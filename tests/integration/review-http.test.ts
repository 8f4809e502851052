import { describe, expect, it } from "vitest";
import { demoSession } from "../support/demo-session";

// The reviewer's pages over HTTP on the real server with the demo data: the demo reviewer is
// assigned AgriLink's application in the smart-city call (Vietnamese is their language).
const AGRILINK_APP = "35000000-0000-4000-8000-000000000001";
const IMPACT = "34000000-0000-4000-8000-000000000004";
const session = demoSession("reviewer@demo.binhduong.example");
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
