// What strings a route can render, found in its source: every string literal that is a key of the
// registered strings (or a `prefix.${…}` template whose fixed part is a path of them), in the route's
// file and every file of the app it imports, server modules included (an action's refusal carries a
// key the page translates). Used by tests/integration/route-strings.test.ts to check each route's
// `handle.strings` against it (decision 008).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import "~/strings";
import { registeredStrings, type Tree } from "~/platform/i18n/i18n";

const APP = path.resolve("app");
const ROOT = path.resolve(".");

function resolveImport(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(APP, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else if (spec.startsWith("emails/") || spec === "emails") base = path.join(ROOT, spec);
  else return undefined; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return undefined;
}

const importsOf = (file: string, source: string) =>
  [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => resolveImport(file, m[1]!)).filter((f): f is string => !!f);

/** Whether a dotted path names a key or a branch of the tree, or a count's key ("orgs.all" for orgs.all_one, orgs.all_other). */
function inTree(tree: Tree, key: string) {
  const at = (path: string) => {
    let node: Tree | string | undefined = tree;
    for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
    return node !== undefined;
  };
  return at(key) || ["_one", "_other", "_zero"].some((suffix) => at(key + suffix));
}

const keysCache = new Map<string, { keys: string[]; imports: string[] }>();
function scanFile(file: string, tree: Tree) {
  let scanned = keysCache.get(file);
  if (!scanned) {
    // Comments name keys as examples; they render nothing.
    const source = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|\s)\/\/\s.*$/gm, "$1");
    const keys = new Set<string>();
    // "a.b.c" or 'a.b' (a plural's base key counts too), and `a.b.${…}` (its fixed part: a branch).
    for (const m of source.matchAll(/["'`]([A-Za-z][\w-]*(?:\.[\w-]+)+)(["'`]|\.\$\{)/g)) {
      const key = m[1]!;
      if (inTree(tree, key)) keys.add(key);
    }
    for (const m of source.matchAll(/`([A-Za-z][\w-]*)\.\$\{/g)) if (inTree(tree, m[1]!)) keys.add(m[1]!);
    scanned = { keys: [...keys], imports: importsOf(file, source) };
    keysCache.set(file, scanned);
  }
  return scanned;
}

/** Every key (or branch) the file and what it imports can hand to `t`. */
export function keysReachedFrom(file: string): Set<string> {
  const tree = registeredStrings("en");
  const keys = new Set<string>();
  const seen = new Set<string>();
  const queue = [path.resolve(file)];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    // The registration of strings (strings.ts files, and what imports them all) defines keys, it renders none.
    if (/(^|\/)strings(\.server)?\.ts$/.test(next)) continue;
    const { keys: found, imports } = scanFile(next, tree);
    for (const k of found) keys.add(k);
    queue.push(...imports);
  }
  return keys;
}

export const routeFiles = () =>
  readdirSync(path.join(APP, "routes"))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(APP, "routes", f));
