// JavaScript a browser loads for one page, from the build's client manifest: the entry, then the
// module and imports of every route the path matches (root first), each file counted once, gzipped;
// and the strings file its document preloads.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { matchRoutes } from "@remix-run/react";
import { partsOfMatches } from "~/platform/i18n/string-parts";

type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };
type Tree = Parameters<typeof matchRoutes>[0];

const CLIENT = "build/client";

function readManifest(): Manifest {
  const file = readdirSync(path.join(CLIENT, "assets")).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!file) throw new Error("no client manifest in build/client/assets: build first");
  const text = readFileSync(path.join(CLIENT, "assets", file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

function tree(routes: ManifestRoute[], parentId?: string): Tree {
  return routes
    .filter((r) => r.parentId === parentId)
    .map((r) => (r.index ? { id: r.id, path: r.path, index: true } : { id: r.id, path: r.path, children: tree(routes, r.id) }));
}

const gzipped = new Map<string, number>();
const gzippedSize = (url: string) => {
  let size = gzipped.get(url);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(CLIENT, url))).length;
    gzipped.set(url, size);
  }
  return size;
};

export const routeCount = () => Object.keys(readManifest().routes).length;

/** Gzipped bytes of the JavaScript each path loads, plus `extraBytes` every page loads outside the manifest. */
export function jsBytesOf(paths: string[], extraBytes = 0): Map<string, number> {
  const manifest = readManifest();
  const routes = tree(Object.values(manifest.routes));
  const out = new Map<string, number>();
  for (const p of paths) {
    const matches = matchRoutes(routes, p) ?? [];
    const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
    for (const m of matches) {
      const r = manifest.routes[m.route.id ?? ""]!;
      files.add(r.module);
      for (const i of r.imports ?? []) files.add(i);
    }
    out.set(p, [...files].reduce((sum, f) => sum + gzippedSize(f), 0) + extraBytes);
  }
  return out;
}

/**
 * Gzipped bytes of the strings file each path's document preloads, in the larger language: the
 * parts its matched routes name in their handles (decision 008), read from the server build, and
 * the file the server makes of them (`strings` is app/strings.server's `stringsFile`).
 */
export async function stringsBytesOf(paths: string[], strings: (locale: "vi" | "en", parts: string[]) => { body: string } | undefined) {
  const manifest = readManifest();
  const routes = tree(Object.values(manifest.routes));
  const build = (await import(path.resolve("build/server/index.js"))) as { routes: Record<string, { module: { handle?: unknown } }> };
  const out = new Map<string, number>();
  for (const p of paths) {
    const matches = (matchRoutes(routes, p) ?? []).map((m) => ({ handle: build.routes[m.route.id ?? ""]?.module.handle }));
    const parts = partsOfMatches(matches);
    out.set(p, Math.max(...(["vi", "en"] as const).map((locale) => gzipSync(strings(locale, parts)?.body ?? "").length)));
  }
  return out;
}

/** Gzipped bytes of the whole of the larger language's strings (what every page loaded before decision 008's strings per route). */
export const wholeStringsBytes = (strings: (locale: "vi" | "en") => { body: string }) =>
  Math.max(...(["vi", "en"] as const).map((locale) => gzipSync(strings(locale).body).length));

/**
 * For the bench, from the running server: the strings file each page's document preloads, as its
 * viewer gets it, gzipped, in the larger language (the same parts asked in the other language).
 */
export async function preloadedStringsBytes(baseUrl: string, pages: { path: string; cookie?: string }[]) {
  const out = new Map<string, number>();
  for (const page of pages) {
    const html = await (await fetch(baseUrl + page.path, { headers: page.cookie ? { cookie: page.cookie } : {} })).text();
    const href = /<link[^>]*href="(\/strings\/[^"]+)"[^>]*data-strings/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    if (!href) throw new Error(`${page.path}: its document preloads no strings file`);
    const { search } = new URL(href, baseUrl);
    const sizes = await Promise.all(
      ["vi", "en"].map(async (locale) => gzipSync(Buffer.from(await (await fetch(`${baseUrl}/strings/${locale}.json${search}`)).arrayBuffer())).length),
    );
    out.set(page.path, Math.max(...sizes));
  }
  return out;
}
