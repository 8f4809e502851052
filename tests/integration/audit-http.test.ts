import { describe, expect, it } from "vitest";
import { demoSession } from "../support/demo-session";

// The call's audit page and feedback page over HTTP on the real server with the demo data, as the
// demo manager (Trần Thị Mai): an export shows on the audit page with who and what, in Vietnamese
// and in English; a release from the feedback page is recorded; a post the page never sends is a
// 400 in the manager's language that writes nothing.
const CALL = "31000000-0000-4000-8000-000000000001";
const AGRILINK_APP = "35000000-0000-4000-8000-000000000001";
const MANAGER = "00000000-0000-4000-8000-000000000002";
const session = demoSession("manager@demo.binhduong.example");
const { get, post } = session;
const feedbackRows = async () => (await session.db`select count(*)::int as n from public.audit_events where subject_id = ${AGRILINK_APP} and kind = 'feedback'`)[0]!.n as number;

describe("the audit and feedback pages over HTTP", () => {
  it("refuses a post the feedback page never sends with a 400 in the manager's language, writing nothing", async () => {
    const before = await feedbackRows();
    const posts: Record<string, string>[] = [{ intent: "release", applicationId: "not-a-uuid" }, { intent: "publish everything" }];
    for (const fields of posts) {
      const res = await post(`/manage/calls/${CALL}/feedback`, fields);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Chúng tôi không thể nhận nội dung vừa gửi");
    }
    expect(await feedbackRows()).toBe(before);
  });

  it("releases one application's feedback without deciding, recorded with the manager as actor", async () => {
    const res = await post(`/manage/calls/${CALL}/feedback`, { intent: "release", applicationId: AGRILINK_APP });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Đã công bố phản hồi cho 1 hồ sơ.");
    const [row] = await session.db`select a.feedback_released, a.decision, e.actor_id from public.applications a
                             join public.audit_events e on e.subject_id = a.id and e.kind = 'feedback' where a.id = ${AGRILINK_APP}`;
    expect(row).toMatchObject({ feedback_released: true, decision: null, actor_id: MANAGER });
  });

  it("records a CSV export and shows it, with who and what, in Vietnamese and in English", async () => {
    expect((await get(`/manage/calls/${CALL}/export`)).status).toBe(200);
    const vi = await (await get(`/manage/calls/${CALL}/audit`)).text();
    for (const text of ["Xuất dữ liệu người nộp hồ sơ", "Trần Thị Mai", "Phân công người đánh giá", "Phạm Văn Hùng", "Công bố nhận xét"]) expect(vi).toContain(text);
    const switched = await post("/language", { locale: "en", redirectTo: `/manage/calls/${CALL}/audit` });
    session.cookie = `${session.cookie}; ${switched.headers.get("set-cookie")!.split(";")[0]!}`;
    const en = await (await get(`/manage/calls/${CALL}/audit`)).text();
    for (const text of ["Applicants&#x27; data exported", "Trần Thị Mai", "Reviewer assigned", "Phạm Văn Hùng", "Feedback released"]) expect(en).toContain(text);
  });

  it("shows an invited reviewer and a named step on the audit tab, in the manager's language", async () => {
    expect((await post(`/manage/calls/${CALL}/reviewers`, { intent: "invite", email: "judge@audit-http.example" })).status).toBe(200);
    expect((await post(`/manage/calls/${CALL}/form`, { intent: "nameStep", step: "1", titleVi: "Đội ngũ", titleEn: "" })).status).toBeLessThan(400);
    // The previous test left the English page: both languages, each from the same rows.
    const en = await (await get(`/manage/calls/${CALL}/audit`)).text();
    for (const text of ["Reviewer invited", "judge@audit-http.example", "Form edited", "name of step 1 «Đội ngũ» added"]) expect(en).toContain(text);
    const switched = await post("/language", { locale: "vi", redirectTo: `/manage/calls/${CALL}/audit` });
    session.cookie = `${session.cookie}; ${switched.headers.get("set-cookie")!.split(";")[0]!}`;
    const vi = await (await get(`/manage/calls/${CALL}/audit`)).text();
    for (const text of ["Mời người đánh giá", "judge@audit-http.example", "Sửa biểu mẫu", "Tên bước 1 «Đội ngũ» được thêm"]) expect(vi).toContain(text);
  });
});
