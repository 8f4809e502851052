import { afterAll, afterEach, describe, expect, it } from "vitest";
import { callPage, listCalls } from "~/modules/applications/apply/open-calls.server";
import { listOrganisations, regionOverview } from "~/modules/identity/organisations.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { closeSql, statementCount } from "~/platform/db/sql.server";
import { readAsVisitor } from "~/platform/db/transaction.server";
import { env, resetEnv } from "~/platform/env.server";
import { createCall, createProgram } from "../support/application-factories";
import { createEvent } from "../support/event-factories";
import { createOrg } from "../support/factories";

// A visitor's page read is one statement on a connection that is `anon` from the start (decision
// 008, seventh pass): it must see what `asUser(null, …)` sees, and nothing more.
afterEach(async () => {
  delete process.env.DATABASE_PREPARE;
  resetEnv();
  await closeSql(); // the next test's pools open with the settings it expects
});
afterAll(() => closeSql());

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = statementCount();
  const result = await work();
  return { result, statements: statementCount() - before };
}

const visitorPages = async (callSlug: string) => ({
  home: await regionOverview(null, "vi"),
  homeEn: await regionOverview(null, "en"),
  directory: await listOrganisations(null, { q: "", kind: null, page: 1 }, "en"),
  searched: await listOrganisations(null, { q: "org-", kind: "university", page: 1 }, "vi"),
  calls: await listCalls(null),
  call: await callPage(null, callSlug),
});

describe("a visitor's read", () => {
  it("runs as anon with a visitor's claims and the connection's timeouts, in one statement", async () => {
    const read = () =>
      readAsVisitor(
        (sql) => sql<{ role: string; claimed: string | null; uid: string | null; timeout: string }[]>`
          select current_user as role, auth.role() as claimed, auth.uid()::text as uid, current_setting('statement_timeout') as timeout`,
      );
    await read(); // the pool's first use also checks that its connections are anon
    const { result, statements } = await counted(read);
    expect(statements).toBe(1);
    expect(result[0]).toEqual({ role: "anon", claimed: "anon", uid: null, timeout: `${env().DATABASE_STATEMENT_TIMEOUT_MS / 1000}s` });
  });

  it("sees what a visitor's transaction sees: no draft call, no draft event", async () => {
    const org = await createOrg({ kind: "university" });
    const program = await createProgram(org.id);
    const open = await createCall(program.id);
    const draft = await createCall(program.id, { published: false });
    await createEvent(org.id, { startsInDays: 1 });
    const hiddenEvent = await createEvent(org.id, { published: false, startsInDays: 0 });
    await visitorPages(open.slug);
    const alone = await counted(() => visitorPages(open.slug));
    expect(alone.statements).toBe(6); // one a page

    const slugs = alone.result.calls.map((c) => c.slug);
    expect(slugs).toContain(open.slug);
    expect(slugs).not.toContain(draft.slug);
    await expect(callPage(null, draft.slug)).rejects.toBeInstanceOf(NotFoundError);
    expect(alone.result.home.events.map((e) => e.slug)).not.toContain(hiddenEvent.slug);
    expect(alone.result.home.events[0]?.startsAt).toBeInstanceOf(Date);
    expect(alone.result.home.orgCount).toBeGreaterThan(0);

    // the same reads as transactions (prepared statements off: a transaction pooler's setting)
    process.env.DATABASE_PREPARE = "false";
    resetEnv();
    await closeSql();
    await visitorPages(open.slug); // a new pool's first connection also reads the types
    const inTransactions = await counted(() => visitorPages(open.slug));
    expect(inTransactions.statements).toBe(6 * 4); // BEGIN, settings, the select, COMMIT
    expect(alone.result).toEqual(inTransactions.result);
  });
});
