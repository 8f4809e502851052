import { describe, expect, it } from "vitest";
import { planAssignments } from "~/modules/applications/review/assignment-plan";
import { BulkSchema, RankingQuerySchema, ReviewersIntent, TemplatesSchema } from "~/modules/applications/select/schema";
import { parseForm } from "~/platform/http/form.server";

// The selection side's forms refuse malformed and hostile input field by field; the planner's
// choices, without a database.
const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("selection forms", () => {
  it("accepts one or many selected applications and refuses none, garbage or too many", () => {
    const one = parseForm(form([["intent", "bulk"], ["ids", id(1)], ["action", "decision:accepted"], ["includeMessage", "on"]]), BulkSchema);
    expect(one).toEqual({
      ok: true,
      data: { intent: "bulk", ids: [id(1)], action: "decision:accepted", includeMessage: true, releaseFeedback: false, confirmWarnings: false },
    });
    // The offer's deadline is a day that exists; whether it is far enough ahead is the server's to say.
    const withDay = (day: string) => parseForm(form([["intent", "bulk"], ["ids", id(1)], ["action", "decision:accepted"], ["deadline", day]]), BulkSchema);
    expect(withDay("2027-01-15")).toMatchObject({ ok: true, data: { deadline: "2027-01-15" } });
    expect(withDay("")).toMatchObject({ ok: true, data: { deadline: undefined } });
    for (const bad of ["2027-02-30", "15/01/2027", "2027-1-5", "tomorrow"]) expect(withDay(bad)).toMatchObject({ ok: false, errors: { deadline: "select.deadline.invalid" } });
    expect(parseForm(form([["intent", "bulk"], ["action", "stage:review"]]), BulkSchema)).toMatchObject({ ok: false, errors: { ids: "validation.required" } });
    expect(parseForm(form([["intent", "bulk"], ["ids", "1; drop table x"], ["action", "stage:review"]]), BulkSchema)).toMatchObject({ ok: false });
    expect(parseForm(form([["intent", "bulk"], ["ids", id(1)], ["action", "decision:maybe"]]), BulkSchema)).toMatchObject({
      ok: false,
      errors: { action: "validation.required" },
    });
    const many = Array.from({ length: 201 }, (_, i): [string, string] => ["ids", id(i)]);
    expect(parseForm(form([["intent", "bulk"], ...many, ["action", "stage:review"]]), BulkSchema)).toMatchObject({ ok: false, errors: { ids: "validation.tooLong" } });
  });

  it("takes a template in one language or both, and refuses it empty in both or oversize", () => {
    const fields = ["accepted", "waitlisted", "rejected"].flatMap((d) => ["vi", "en"].map((l): [string, string] => [`${d}_${l}`, "Xin chào"]));
    expect(parseForm(form([["intent", "templates"], ...fields]), TemplatesSchema).ok).toBe(true);
    // Given in one language only, the other reads the same (as every bilingual label).
    const oneLanguage = fields.map(([k, v]): [string, string] => [k, k === "waitlisted_vi" ? "" : k === "rejected_en" ? "  " : k === "waitlisted_en" ? "On the list" : v]);
    expect(parseForm(form([["intent", "templates"], ...oneLanguage]), TemplatesSchema)).toMatchObject({
      ok: true,
      data: { waitlisted_vi: "On the list", waitlisted_en: "On the list", rejected_vi: "Xin chào", rejected_en: "Xin chào" },
    });
    const bad = fields.map(([k, v]): [string, string] => [k, k === "accepted_en" ? "x".repeat(8001) : k.startsWith("rejected_") ? "   " : v]);
    expect(parseForm(form([["intent", "templates"], ...bad]), TemplatesSchema)).toMatchObject({
      ok: false,
      errors: { accepted_en: "validation.tooLong", rejected_vi: "setup.errors.oneLanguage", rejected_en: "setup.errors.oneLanguage" },
    });
  });

  it("routes the reviewers page's intents and ignores odd ranking queries", () => {
    expect(parseForm(form([["intent", "remind"]]), ReviewersIntent)).toMatchObject({ ok: true, data: { intent: "remind" } });
    expect(parseForm(form([["intent", "track"], ["trackId", id(1)]]), ReviewersIntent)).toMatchObject({ ok: false, errors: { reviewerIds: "validation.required" } });
    expect(RankingQuerySchema.parse({ sort: "name; --", dir: "sideways", page: "-3", minScore: "abc", stage: "interview" })).toEqual({
      sort: "rank", dir: "asc", page: 1, stage: "interview", track: undefined, eligible: undefined, decision: undefined, minScore: undefined,
    });
  });
});

describe("assignment planner", () => {
  it("fills each application to N with the least-loaded reviewers, around conflicts and existing pairs", () => {
    const apps = ["a1", "a2", "a3", "a4", "a5"];
    const plan = planAssignments({
      applications: apps,
      reviewers: ["r1", "r2", "r3"],
      existing: [{ applicationId: "a1", reviewerId: "r1", inactive: false }, { applicationId: "a2", reviewerId: "r2", inactive: true }],
      conflicts: [{ applicationId: "a3", reviewerId: "r3" }],
      perApplication: 2,
    });
    expect(plan.short).toEqual([]);
    const pairs = new Set(plan.pairs.map((p) => `${p.applicationId}|${p.reviewerId}`));
    expect(pairs.has("a3|r3")).toBe(false);
    expect(pairs.has("a2|r2")).toBe(false); // recused once, never again
    expect(pairs.has("a1|r1")).toBe(false);
    const loads = ["r1", "r2", "r3"].map((r) => plan.pairs.filter((p) => p.reviewerId === r).length + (r === "r1" ? 1 : 0));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it("reports applications that cannot reach N", () => {
    const plan = planAssignments({ applications: ["a"], reviewers: ["r1", "r2"], existing: [], conflicts: [{ applicationId: "a", reviewerId: "r2" }], perApplication: 2 });
    expect(plan).toEqual({ pairs: [{ applicationId: "a", reviewerId: "r1" }], short: [{ applicationId: "a", missing: 1 }] });
  });
});
