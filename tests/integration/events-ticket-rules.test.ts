import { describe, expect, it } from "vitest";
import { askedOf, checkAnswers, type Question } from "~/modules/events/register/answers";
import { QuestionSchema, TicketTypeSchema } from "~/modules/events/setup/tickets/schema";
import { instantOf, localOf } from "~/modules/events/setup/tickets/wall-clock";
import { parseInput } from "~/platform/http/form.server";

// The pure rules of the ticket set-up: prices in whole đồng, sale windows typed in the event's
// zone (daylight saving included), and which questions an attendee of a ticket type answers.

const type = (over: Record<string, unknown> = {}) =>
  parseInput(TicketTypeSchema, { nameVi: "Vé", nameEn: "Pass", priceVnd: "0", salesStart: "2026-12-01T09:00", salesEnd: "2026-12-20T17:00", minPerOrder: "1", maxPerOrder: "4", position: "1", ...over });

describe("a ticket type's price", () => {
  it("is whole đồng, with or without group separators", () => {
    for (const [typed, amount] of [["0", 0], ["150000", 150_000], ["1.500.000", 1_500_000], ["1,500,000", 1_500_000], ["1 500 000", 1_500_000], ["1000000000", 1_000_000_000]] as const) {
      const parsed = type({ priceVnd: typed });
      expect(parsed.ok && parsed.data.priceVnd, typed).toBe(amount);
    }
  });

  it("refuses decimals, negatives, odd grouping and more than a billion", () => {
    for (const typed of ["1,5", "1.50", "-1", "1e6", "12.34.567", "", "abc", "1000000001"]) {
      const parsed = type({ priceVnd: typed });
      expect(parsed.ok, typed).toBe(false);
      if (!parsed.ok) expect(parsed.errors.priceVnd, typed).toMatch(/^events\.ticketSetup\.errors\.price/);
    }
  });

  it("refuses a window that ends before it starts and a maximum below the minimum", () => {
    const parsed = type({ salesEnd: "2026-11-30T09:00", minPerOrder: "5", maxPerOrder: "2" });
    expect(parsed.ok ? null : parsed.errors).toEqual({ salesEnd: "events.ticketSetup.errors.window", maxPerOrder: "events.ticketSetup.errors.maxBelowMin" });
  });
});

describe("a sale window in the event's zone", () => {
  it("turns wall-clock times into instants and back", () => {
    expect(instantOf("2026-12-01T09:00", "Asia/Ho_Chi_Minh").toISOString()).toBe("2026-12-01T02:00:00.000Z");
    expect(localOf(new Date("2026-12-01T02:00:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-12-01T09:00");
  });

  it("moves a time skipped by daylight saving forward, and takes the earlier of a repeated one", () => {
    // Amsterdam skips 02:00–03:00 on 29 March 2026 and repeats 02:00–03:00 on 25 October 2026
    expect(instantOf("2026-03-29T02:30", "Europe/Amsterdam").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOf("2026-10-25T02:30", "Europe/Amsterdam").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("questions", () => {
  const q = (over: Partial<Question>): Question => ({ id: "q", kind: "text", options: [], required: false, ticketTypeIds: [], ...over });

  it("are asked of their ticket types only (none listed: every type)", () => {
    const all = q({ id: "all" });
    const some = q({ id: "some", ticketTypeIds: ["paid"] });
    expect(askedOf([all, some], "paid").map((x) => x.id)).toEqual(["all", "some"]);
    expect(askedOf([all, some], "free").map((x) => x.id)).toEqual(["all"]);
  });

  it("take yes or no for a yes/no question, and a listed option for a choice", () => {
    const yn = q({ id: "veg", kind: "yes_no", required: true });
    const choice = q({ id: "stage", kind: "choice", options: ["Idea", "Revenue"] });
    expect(checkAnswers([yn, choice], { veg: "no", stage: "Idea", other: "dropped" })).toEqual({ ok: true, answers: { veg: "no", stage: "Idea" } });
    expect(checkAnswers([yn, choice], { veg: "maybe", stage: "Series B" })).toEqual({
      ok: false,
      errors: { veg: "events.register.refused.choice", stage: "events.register.refused.choice" },
    });
    expect(checkAnswers([yn], {})).toEqual({ ok: false, errors: { veg: "validation.required" } });
  });

  it("have options only when they are a choice, one a line, without repeats", () => {
    const parsed = parseInput(QuestionSchema, { labelVi: "Hỏi", labelEn: "Ask", kind: "choice", options: "A\r\nB\n\nA\n", position: "0" });
    expect(parsed.ok && parsed.data.options).toEqual(["A", "B"]);
    const text = parseInput(QuestionSchema, { labelVi: "Hỏi", labelEn: "Ask", kind: "text", options: "A\nB", position: "0" });
    expect(text.ok && text.data.options).toEqual([]);
  });
});
