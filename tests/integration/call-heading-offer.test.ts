import { describe, expect, it } from "vitest";
import { demoSession } from "../support/demo-session";

// The call layout's heading read in its page's transaction (request-scope.server.ts, `offerPerRequest`;
// decision 008, ninth pass): the ranking, the application page and call settings read it with their
// own statement, so a request pays one transaction for both loaders; a data request that loads only
// the page does not read the heading, one that loads only the layout reads it alone, and the
// sections that do not offer still get their heading from the layout.
const CALL = "31000000-0000-4000-8000-000000000001";
const AGRILINK_APP = "35000000-0000-4000-8000-000000000001";
const session = demoSession("manager@demo.binhduong.example", { BENCH: "1" });
const LAYOUT = "routes/manage.calls.$callId";

const statementsSoFar = async () => ((await (await fetch(`${session.app.baseUrl}/bench/stats`)).json()) as { statements: number }).statements;

/** The statements one request costs (the fewest of three, past any background work). */
async function statementsOf(path: string) {
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = await statementsSoFar();
    const res = await session.get(path);
    expect(res.status, path).toBe(200);
    await res.arrayBuffer();
    counts.push((await statementsSoFar()) - before);
  }
  return Math.min(...counts);
}

const pages = [
  { path: `/manage/calls/${CALL}/ranking`, route: "routes/manage.calls.$callId.ranking" },
  { path: `/manage/calls/${CALL}/settings`, route: "routes/manage.calls.$callId.settings" },
  { path: `/manage/calls/${CALL}/applications/${AGRILINK_APP}`, route: "routes/manage.calls.$callId.applications.$applicationId" },
];

describe("the call's heading in the page's transaction", () => {
  it.each(pages)("$route: one transaction for the layout and the page, the heading drawn", async ({ path, route }) => {
    const html = await (await session.get(path)).text();
    const [call] = await session.db<{ title: string }[]>`select title_vi as title from public.calls where id = ${CALL}`;
    expect(html).toContain(`<h1`);
    expect(html).toContain(call!.title);
    // the viewer's read, then BEGIN, the settings, the heading, the page's read, COMMIT
    const whole = await statementsOf(path);
    expect(whole).toBe(6);
    expect(await statementsOf(`${path}.data`)).toBe(whole);
    // the page alone (a client navigation between sections): no heading read
    expect(await statementsOf(`${path}.data?_routes=${encodeURIComponent(route)}`)).toBe(whole - 1);
    // the layout alone: its own transaction (BEGIN, the settings, the heading, COMMIT) after the viewer's read
    expect(await statementsOf(`${path}.data?_routes=${encodeURIComponent(LAYOUT)}`)).toBe(5);
  });

  it("leaves a section that does not offer to its layout's own read", async () => {
    const res = await session.get(`/manage/calls/${CALL}/audit`);
    expect(res.status).toBe(200);
    const [call] = await session.db<{ title: string }[]>`select title_vi as title from public.calls where id = ${CALL}`;
    expect(await res.text()).toContain(call!.title);
  });

  it("answers a call that does not exist as before: not found", async () => {
    for (const { path } of pages) {
      const res = await session.get(path.replace(CALL, "31000000-0000-4000-8000-0000000000ff"));
      expect(res.status, path).toBe(404);
    }
  });
});
