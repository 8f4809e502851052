import type { Tree } from "./i18n";

// The browser gets only the strings its page's routes name (decision 008, section "Strings per
// route"): each route's `handle.strings` lists key paths ("apply.calls", "nav"), a path covering
// every key under it. These helpers are shared by the server (the file it sends, the render's
// strings) and the browser (what it has, what it still needs).

/** Sorted, without duplicates, and without a path that another path of the list already covers. */
export function normaliseParts(parts: Iterable<string>): string[] {
  const sorted = [...new Set(parts)].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && covers([q], p)));
}

/** Whether one of the paths covers the key (the key itself, or a key under it; "" is the whole tree). */
export const covers = (parts: Iterable<string>, key: string) => [...parts].some((p) => p === "" || key === p || key.startsWith(`${p}.`));

/** The part of the tree under the paths, as one tree (missing paths are left out). */
export function pickParts(tree: Tree, parts: Iterable<string>): Tree {
  const out: Tree = {};
  for (const part of parts) {
    const keys = part.split(".");
    let from: Tree | string | undefined = tree;
    let to = out;
    for (const [i, key] of keys.entries()) {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) break;
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] = typeof to[key] === "object" ? to[key] : {}) as Tree;
    }
  }
  return out;
}

/** The `strings` of a route's handle, and the union over a page's matched routes. */
export const partsOfMatches = (matches: { handle?: unknown }[]): string[] =>
  normaliseParts(matches.flatMap((m) => (m.handle as { strings?: string[] } | undefined)?.strings ?? []));

/** Adds a tree's keys into another, branch by branch (a part of "events" keeps the parts already there). */
export function mergeInto(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const here = target[key];
    if (typeof value === "object" && typeof here === "object") mergeInto(here, value);
    else target[key] = typeof value === "object" ? mergeInto({}, value) : value;
  }
  return target;
}
