// `npx tsx tests/load/js-report.ts`: the bench's JS kB column alone, from the last build's client
// manifest and the larger language's strings file, without starting a server (ids stand in for the
// bench's real ones: only the routes matter).
import { gzipSync } from "node:zlib";
import { stringsFile } from "~/strings.server";
import { jsBytesOf } from "./js-bytes";

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
];
const strings = Math.max(...(["vi", "en"] as const).map((locale) => gzipSync(stringsFile(locale).body).length));
const bytes = jsBytesOf(pages.map(([, p]) => p), strings);
console.log(`strings file: ${(strings / 1000).toFixed(1)} kB (included below)`);
for (const [name, path, form] of pages) {
  const kb = (bytes.get(path)! / 1000).toFixed(1);
  const limit = form ? 140 : 110;
  console.log(`${name.padEnd(30)} ${kb.padStart(6)} kB  ${form ? "form" : "read"} ≤ ${limit}  ${Number(kb) <= limit ? "holds" : "NO"}`);
}
