import fc from "fast-check";
import { createElement as h, Fragment } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { reportRowsHtml, type ReportRow } from "~/modules/mentoring/report/rows-html";
import { toColumns } from "~/ui/columns";

// The mentoring report's startups table is written as one HTML string (rows-html.ts) instead of
// rendered row by row by React. It must be exactly what React writes for the rows as they were in
// JSX (the route before decision 008's eighth pass, report): any names (quotes, ampersands, angle
// brackets, emoji, Vietnamese), hours over and under the budget, with and without a last session,
// quiet or not.
const KEYS: (keyof ReportRow)[] = ["name", "held", "upcoming", "usedHours", "bookedHours", "startupNoShows", "mentorNoShows", "lastSession", "quiet"];
const text = fc.oneof(fc.string(), fc.constantFrom("Water & Co", `"Quote" <b>'s</b>`, "Công ty Nước Sạch 💧", "a > b < c", "&amp;", ""));
const hours = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 40, noNaN: true }), fc.constantFrom(0.5, 1.25, 10));
const row: fc.Arbitrary<ReportRow> = fc.record({
  name: text,
  held: fc.nat(100),
  upcoming: fc.nat(10),
  usedHours: hours,
  bookedHours: hours,
  startupNoShows: fc.nat(10),
  mentorNoShows: fc.nat(10),
  lastSession: fc.option(text, { nil: null }),
  quiet: fc.boolean(),
});
const words = fc.record({ never: text, quiet: text, over: text });

// The rows as the route rendered them in JSX (same elements, same order, same text nodes).
function jsxRows(rows: ReportRow[], budget: number, n: (v: number) => string, w: { never: string; quiet: string; over: string }) {
  return rows.map((s, i) => {
    const left = budget - s.usedHours - s.bookedHours;
    return h(
      "tr",
      { key: i },
      h("th", { scope: "row" }, s.name),
      h("td", null, s.held),
      h("td", null, s.upcoming),
      h("td", null, n(s.usedHours)),
      h("td", null, n(s.bookedHours)),
      h("td", null, left < 0 ? `${n(left)} (${w.over})` : n(left)),
      h("td", null, s.startupNoShows),
      h("td", null, s.mentorNoShows),
      h("td", null, s.lastSession ?? w.never, s.quiet ? h(Fragment, null, h("br"), h("span", { className: "status status-quiet" }, w.quiet)) : null),
    );
  });
}

describe("the mentoring report's rows as one string", () => {
  it("are the HTML React writes for the same rows", () => {
    for (const locale of ["en-GB", "vi-VN"]) {
      const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      const n = (v: number) => numbers.format(v);
      fc.assert(
        fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 0, max: 40 }), words, (rows, budget, w) => {
          const react = renderToString(h("tbody", null, jsxRows(rows, budget, n, w)));
          const ours = renderToString(h("tbody", { dangerouslySetInnerHTML: { __html: reportRowsHtml(toColumns(rows, KEYS), budget, n, w) } }));
          expect(ours).toBe(react);
        }),
        { numRuns: 300 },
      );
    }
  });
});
