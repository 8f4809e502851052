// `npx tsx tests/load/js-report.ts`: the bench's JS kB column alone, from the last build's client
// manifest and the strings file each page preloads (the parts its routes name, in the larger
// language), without starting a server (ids stand in for the bench's real ones: only the routes
// matter). Beside it, what the page weighed with the whole language's strings (before decision 008's
// strings per route).
import { stringsFile } from "~/strings.server";
import { jsBytesOf, stringsBytesOf, wholeStringsBytes } from "./js-bytes";

const ID = "00000000-0000-4000-8000-000000000001";
const pages: [name: string, path: string, form?: true][] = [
  ["empty page in the shell", "/bench/empty"],
  ["/", "/"],
  ["/orgs", "/orgs"],
  ["/orgs/bd-incubator", "/orgs/bd-incubator"],
  ["/calls", "/calls"],
  ["call page", "/calls/some-call"],
  ["/auth/sign-in", "/auth/sign-in", true],
  ["call settings", `/manage/calls/${ID}/settings`, true],
  ["/manage", "/manage"],
  ["ranking", `/manage/calls/${ID}/ranking`, true],
  ["application page (manager)", `/manage/calls/${ID}/applications/${ID}`, true],
  ["mentoring report", `/manage/programmes/${ID}/mentoring`],
  ["founder's application", `/applications/${ID}`],
  ["mentoring: week of slots", `/mentoring/book/${ID}`, true],
  ["/review", "/review"],
  ["event page", "/events/some-event"],
];
const paths = pages.map(([, p]) => p);
const code = jsBytesOf(paths);
const strings = await stringsBytesOf(paths, stringsFile);
const whole = wholeStringsBytes(stringsFile);
const kB = (bytes: number) => (bytes / 1000).toFixed(1).padStart(6);
console.log(`${"page".padEnd(30)} ${"JS kB".padStart(6)}  (strings; whole language: ${kB(whole).trim()} kB, page then)`);
for (const [name, path, form] of pages) {
  const total = code.get(path)! + strings.get(path)!;
  const limit = form ? 140 : 110;
  const verdict = total / 1000 <= limit ? "holds" : "NO";
  console.log(`${name.padEnd(30)} ${kB(total)} kB (${kB(strings.get(path)!)}; ${kB(code.get(path)! + whole)})  ${form ? "form" : "read"} ≤ ${limit}  ${verdict}`);
}
