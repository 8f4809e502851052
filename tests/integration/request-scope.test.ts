import { describe, expect, it } from "vitest";
import { demoSession } from "../support/demo-session";
import { statementsOfOneRequest } from "../support/statement-count";

// The loaders of one request share the viewer's read (app/platform/http/request-scope.server.ts):
// also when Remix hands each loader its own copy of the request (a client navigation's data request
// naming its routes, an index route's `?index`), which the patches carry the request's store over to.
// BENCH=1: /bench/stats tells how many statements a request ran.
const session = demoSession("manager@demo.binhduong.example", { BENCH: "1" });

/** The statements one request costs (the fewest of five, past any background work). */
const statementsOf = (path: string) =>
  statementsOfOneRequest(session.app.baseUrl, async () => {
    const res = await session.get(path);
    expect(res.status, path).toBe(200);
    await res.arrayBuffer();
  });

describe("the viewer's read, once per request", () => {
  it("is shared by the loaders of a page, of its data request and of a data request naming its routes", async () => {
    const page = await statementsOf("/orgs");
    expect(page).toBeGreaterThan(1); // the viewer and the page's own reads
    expect(await statementsOf("/orgs.data")).toBe(page);
    // each loader gets a copy of the request without `_routes`
    expect(await statementsOf("/orgs.data?_routes=root,routes/orgs._index")).toBe(page);
  });

  it("is shared by an index route's loaders when the URL says `?index`", async () => {
    const home = await statementsOf("/");
    expect(await statementsOf("/?index")).toBe(home);
    expect(await statementsOf("/_root.data?index&_routes=root,routes/_index")).toBe(home);
  });

  it("is read again by the next request", async () => {
    const before = await (await session.get("/orgs")).text();
    expect(before).toContain("Trần Thị Mai");
    await session.db`update public.profiles set display_name = 'Trần Thị Mai Mới'
                      where id = (select id from auth.users where email = 'manager@demo.binhduong.example')`;
    expect(await (await session.get("/orgs")).text()).toContain("Trần Thị Mai Mới");
  });
});
