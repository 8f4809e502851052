import path from "node:path";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { matchRoutes as referenceMatchRoutes } from "router-reference";
import { describe, expect, it } from "vitest";

// Our patch of @remix-run/router (patches/README.md) skips, for each URL, the route branches whose
// leading static segments it cannot start with, and keeps ranked branches and compiled paths. A
// wrong skip sends a URL to another page, or to none. `router-reference` is the same release
// unpatched: for every route of the production build, with 150 generated routes as
// BENCH_EXTRA_ROUTES adds them and a few shapes the app does not use yet, and for many variants of
// each route's URL (case, slashes, encodings, one segment more or less), both must answer alike.

type BuildRoute = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean };
const build = (await import(path.resolve("build/server/index.js"))) as { routes: Record<string, BuildRoute> };

function tree(routes: BuildRoute[]): AgnosticRouteObject[] {
  const children = (parentId: string | undefined): AgnosticRouteObject[] =>
    routes
      .filter((r) => r.parentId === parentId)
      .map((r) =>
        r.index
          ? { id: r.id, path: r.path, index: true, caseSensitive: r.caseSensitive }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: children(r.id) },
      );
  return children(undefined);
}

const appRoutes = Object.values(build.routes);
// As app/routes.ts generates them for the bench: all under "bench/", the worst case for a skip.
const generated: BuildRoute[] = Array.from({ length: 150 }, (_, i) => ({
  id: `generated-${i}`,
  parentId: "root",
  path: i % 3 === 0 ? `bench/generated-${i}` : `bench/generated-${i}/:id${i % 3 === 2 ? "/edit" : ""}`,
}));
// Shapes the app may grow: a static prefix split between a layout and its children, an index, an
// optional segment, a splat, a case-sensitive route, a dynamic first segment.
const shapes: BuildRoute[] = [
  { id: "layout", parentId: "root", path: "spaces" },
  { id: "layout-index", parentId: "layout", index: true },
  { id: "layout-new", parentId: "layout", path: "new" },
  { id: "layout-item", parentId: "layout", path: ":spaceId/book" },
  { id: "optional", parentId: "root", path: "forums/:year?/agenda" },
  { id: "optional-static", parentId: "root", path: "labs/en?/rooms" },
  { id: "splat", parentId: "root", path: "files/*" },
  { id: "case", parentId: "root", path: "CaseSensitive/Page", caseSensitive: true },
  { id: "dynamic-first", parentId: "root", path: ":lang/about" },
];

const trees = {
  "the app": tree(appRoutes),
  "the app with 150 more routes": tree([...appRoutes, ...generated]),
  "the app with 150 more routes and other shapes": tree([...appRoutes, ...generated, ...shapes]),
};

/** URLs for a route path: its params filled in several ways, then bent. */
function urlsFor(routePath: string): string[] {
  const fills = ["Bd-Incubator", "%C3%A1nh%20s%E1%BB%91", "a%2Fb"];
  const filled = fills.map((fill) =>
    "/" +
    routePath
      .split("/")
      .filter(Boolean)
      .map((segment) => (segment === "*" ? `${fill}/deeper` : segment.startsWith(":") ? fill : segment.replace(/\?$/, "")))
      .join("/"),
  );
  return filled.flatMap((url) => [
    url,
    url.toUpperCase(),
    `${url}/`,
    `/${url}`,
    url.replace("/", "//"),
    url.replace(/\/[^/]*$/, "") || "/",
    `${url}/extra`,
    url.replace(/[a-z]/, "%41"),
  ]);
}

// The generated routes are alike: three in ten stand for them (the unpatched router is slow to ask).
const sample = tree([...appRoutes, ...generated.filter((_, i) => i % 10 < 3), ...shapes]);
const paths = [
  ...new Set([
    ...flatPaths(sample, "").flatMap(urlsFor),
    "/",
    "",
    "//",
    "/bench/empty",
    "/BENCH/EMPTY",
    "/bench",
    "/bench/generated-4",
    "/bench/generated-4/x/edit",
    "/bench/generated-5/x/edit",
    "/casesensitive/page",
    "/CaseSensitive/Page",
    "/\u212Aelvin",
    "/orgs%2Fbd-incubator",
    "/%6Frgs",
    "/.",
    "/..",
    "/orgs/bd-incubator/..",
    "/spaces/",
    "/labs/rooms",
  ]),
];

function flatPaths(routes: AgnosticRouteObject[], parent: string): string[] {
  return routes.flatMap((route) => {
    const own = [parent, route.path ?? ""].filter(Boolean).join("/");
    return [own, ...flatPaths(route.children ?? [], own)];
  });
}

const ids = (matches: { route: { id?: string }; params: Record<string, string | undefined> }[] | null) =>
  matches?.map((m) => `${m.route.id} ${JSON.stringify(m.params)}`) ?? null;

describe("route matching with our router patch", () => {
  for (const [name, routes] of Object.entries(trees)) {
    it(`sends every URL to the same page, with the same params, as the unpatched router: ${name}`, () => {
      expect(paths.length).toBeGreaterThan(2000);
      const differences = paths.filter((url) => JSON.stringify(ids(matchRoutes(routes, url))) !== JSON.stringify(ids(referenceMatchRoutes(routes, url))));
      expect(differences).toEqual([]);
    });
  }

  it("still finds the pages a visitor opens, after the trees have been matched in turn", () => {
    const [plain, more] = [trees["the app"], trees["the app with 150 more routes"]];
    for (const routes of [plain, more, plain, more]) {
      expect(ids(matchRoutes(routes, "/bench/empty"))?.at(-1)).toMatch(/^routes\/bench\.empty /);
      expect(ids(matchRoutes(routes, "/orgs/bd-incubator"))?.at(-1)).toBe('routes/orgs.$slug {"slug":"bd-incubator"}');
    }
    expect(ids(matchRoutes(more, "/bench/generated-5/x/edit"))?.at(-1)).toBe('generated-5 {"id":"x"}');
  });
});
