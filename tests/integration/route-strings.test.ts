import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localeCookie } from "~/platform/auth/cookie.server";
import { LOCALES, registeredStrings, type Tree } from "~/platform/i18n/i18n";
import { covers, normaliseParts } from "~/platform/i18n/string-parts";
import { stringsFile } from "~/strings.server";
import { startAppServer } from "../support/app-server";
import { signIn, type AppServer } from "../support/http-client";
import { keysReachedFrom, routeFiles } from "../support/route-strings";

// Each route names the parts of the strings it renders (`handle = routeStrings(…)`); the browser
// gets only those (decision 008). A part forgotten would show keys instead of text: in the
// browser after a navigation, and in the server's render too, which uses the same parts.

/** The parts a route file names in its handle. */
const declared = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/routeStrings\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((s) => s[1]!));

const ROOT = path.resolve("app/root.tsx");
const shell = declared(ROOT);
// Routes that render a page (resource routes answer without the shell or its strings).
const pages = routeFiles().filter((file) => /^export default /m.test(readFileSync(file, "utf8")));
const name = (file: string) => path.basename(file);

describe("each route's strings, from its source", () => {
  it("the shell's and every page route's parts cover every key its code and what it imports can render", () => {
    expect(shell).toEqual(expect.arrayContaining(["app", "nav", "errors"]));
    expect(pages.length).toBeGreaterThan(60);
    const uncovered: Record<string, string[]> = {};
    for (const file of [ROOT, ...pages]) {
      const parts = [...shell, ...declared(file)];
      const missing = [...keysReachedFrom(file)].filter((key) => !covers(parts, key)).sort();
      if (missing.length > 0) uncovered[name(file)] = missing;
    }
    expect(uncovered).toEqual({});
  });

  it("no route names a part it does not use, so each part a route names is one the check above would miss if left out", () => {
    const unused: Record<string, string[]> = {};
    for (const file of [ROOT, ...pages]) {
      const keys = [...keysReachedFrom(file)];
      const idle = declared(file).filter((part) => !keys.some((key) => covers([part], key) || covers([key], part)));
      if (idle.length > 0) unused[name(file)] = idle;
    }
    expect(unused).toEqual({});
  });

  it("finds keys however a route hands them to t: literally, in a title, in a `prefix.${…}` template, or from a server module's refusal", () => {
    const calls = keysReachedFrom("app/routes/calls._index.tsx");
    expect(calls).toContain("apply.calls.title"); // titled("apply.calls.title") and t("apply.calls.lead")
    expect(calls).toContain("apply.calls.lead");
    expect(keysReachedFrom("app/routes/_index.tsx")).toContain("events.kinds"); // t(`events.kinds.${event.kind}`)
    expect(keysReachedFrom("app/routes/_index.tsx")).toContain("orgs.all"); // t("orgs.all", { count }): orgs.all_one, orgs.all_other
    // A refusal an action returns from a module (apply/save-step.server.ts), translated by the page.
    expect([...keysReachedFrom("app/routes/applications.$id.edit.tsx")].some((k) => k.startsWith("apply.errors."))).toBe(true);
  });

  it("every part named exists in both languages, and the file of a page's parts holds only them", () => {
    for (const file of [ROOT, ...pages]) {
      const parts = normaliseParts([...shell, ...declared(file)]);
      for (const locale of LOCALES) expect(stringsFile(locale, parts), `${name(file)} ${locale}`).toBeDefined();
    }
    const calls = JSON.parse(stringsFile("en", ["apply.calls", "nav"])!.body) as Tree;
    expect(Object.keys(calls).sort()).toEqual(["apply", "nav"]);
    expect(Object.keys(calls.apply!)).toEqual(["calls"]);
    expect(stringsFile("en", ["no.such"])).toBeUndefined();
  });
});

// Every key of the strings, and every branch, as a page could show it by mistake.
const keys = new Set<string>();
(function collect(tree: Tree, prefix: string) {
  for (const [k, v] of Object.entries(tree)) {
    keys.add(prefix + k.replace(/_(zero|one|other)$/, ""));
    if (typeof v === "object") collect(v, `${prefix}${k}.`);
  }
})(registeredStrings("en"), "");

/** The keys a page shows as text or in an attribute (scripts and the strings file's link left out: they carry keys legitimately). */
function keysShown(html: string) {
  const visible = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<link[^>]*>/g, "");
  return [...visible.matchAll(/[>"]\s*([A-Za-z][\w-]*(?:\.[\w-]+)+)\s*[<"]/g)].map((m) => m[1]!).filter((k) => keys.has(k));
}

describe("the pages a person reaches, as the server renders them with their routes' parts only", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer(inject("pgAdminUrl"));
  });
  afterAll(async () => {
    await app?.stop();
  });

  // Each demo account (in its own language) and a visitor (in both) follows every link of the pages it reaches.
  const accounts = [undefined, "manager@demo.binhduong.example", "founder@demo.binhduong.example", "reviewer@demo.binhduong.example", "mentor@demo.binhduong.example", "admin@demo.binhduong.example"];
  it("show no key in place of a text, on any page reached by following links", { timeout: 240_000 }, async () => {
    const shown: Record<string, string[]> = {};
    let visited = 0;
    for (const account of accounts) {
      const session = account ? await signIn(app, account) : "";
      for (const locale of account ? [undefined] : LOCALES) {
        const cookie = account ? session : (await localeCookie.serialize(locale)).split(";")[0]!;
        const seen = new Set<string>(["/"]);
        const queue = ["/"];
        while (queue.length > 0 && seen.size <= 120) {
          const page = queue.shift()!;
          const res = await fetch(app.baseUrl + page, { redirect: "manual", headers: { cookie } });
          if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) continue;
          const html = await res.text();
          visited++;
          const found = keysShown(html);
          if (found.length > 0) shown[`${account ?? `visitor (${locale})`} ${page}`] = found;
          for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)) {
            const link = href!.replace(/&amp;/g, "&");
            if (!seen.has(link) && !/^\/(auth\/sign-out|strings|files|dev\/mailbox\/[^/]+\/attachments)/.test(link) && !/\.(ics|csv|json)$|\/export/.test(link)) {
              seen.add(link);
              queue.push(link);
            }
          }
        }
      }
    }
    expect(shown).toEqual({});
    expect(visited).toBeGreaterThan(100);
  });
});
