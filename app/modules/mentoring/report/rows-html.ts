// The startups' table body of the mentoring report as one HTML string (decision 008, eighth pass,
// report): React's server render of 500 rows of nine cells (about 6,000 elements, each a few
// chunks written one by one) was most of the page's Node time. The string is the same HTML React
// writes for those rows (tests/integration/mentoring-report-rows.test.ts renders both and compares);
// every text goes through React's own escaping rules. Shared by the server and the browser, so the
// hydrated page and a page rendered in the browser show the same rows.

import type { Columns } from "~/ui/columns";

// React 18's escapeTextForBrowser: the same five characters, the same entities.
const ENTITIES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };
const escapeText = (text: string) => text.replace(/["&'<>]/g, (c) => ENTITIES[c]!);

export type ReportRow = {
  name: string;
  held: number;
  upcoming: number;
  usedHours: number;
  bookedHours: number;
  startupNoShows: number;
  mentorNoShows: number;
  /** the last session's day as the viewer reads it */
  lastSession: string | null;
  quiet: boolean;
};

export type RowWords = { never: string; quiet: string; over: string };

/** The rows as `<tr>`s: the startup's name, sessions, hours used, booked and left, no-shows, the last session. */
export function reportRowsHtml(columns: Columns<ReportRow>, budgetHours: number, n: (v: number) => string, words: RowWords): string {
  const { name, held, upcoming, usedHours, bookedHours, startupNoShows, mentorNoShows, lastSession, quiet } = columns;
  const never = escapeText(words.never);
  const quietTag = `<br/><span class="status status-quiet">${escapeText(words.quiet)}</span>`;
  const over = words.over;
  let html = "";
  for (let i = 0; i < name.length; i++) {
    const left = budgetHours - usedHours[i]! - bookedHours[i]!;
    const last = lastSession[i];
    html +=
      `<tr><th scope="row">${escapeText(name[i]!)}</th><td>${held[i]}</td><td>${upcoming[i]}</td>` +
      `<td>${escapeText(n(usedHours[i]!))}</td><td>${escapeText(n(bookedHours[i]!))}</td>` +
      `<td>${escapeText(left < 0 ? `${n(left)} (${over})` : n(left))}</td><td>${startupNoShows[i]}</td><td>${mentorNoShows[i]}</td>` +
      `<td>${last == null ? never : escapeText(last)}${quiet[i] ? quietTag : ""}</td></tr>`;
  }
  return html;
}
