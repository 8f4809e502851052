import postgres from "postgres";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadViewerBySession } from "~/platform/auth/viewer.server";
import { BusyError } from "~/platform/db/errors.server";
import { closeSql, statementCount } from "~/platform/db/sql.server";
import { readAlone } from "~/platform/db/transaction.server";
import { env, resetEnv } from "~/platform/env.server";
import { addMember, createOrg, createUser } from "../support/factories";

// The signed-in viewer's read is one statement with no transaction around it (decision 009): it
// must still see the same viewer, and still give up behind a lock instead of waiting for it.
const LOCK_MS = 400;
Object.assign(process.env, { DATABASE_LOCK_TIMEOUT_MS: String(LOCK_MS) });
resetEnv();

afterEach(async () => {
  delete process.env.DATABASE_PREPARE;
  resetEnv();
  await closeSql(); // the next test's pool opens with the settings it expects
});
afterAll(() => closeSql());

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = statementCount();
  const result = await work();
  return { result, statements: statementCount() - before };
}

describe("the viewer's read", () => {
  it("is one statement and sees the person's roles", async () => {
    const user = await createUser({ name: "Lan Alone" });
    const org = await createOrg();
    await addMember(org.id, user.id, "manager");
    const { result: viewer, statements } = await counted(() => loadViewerBySession(user.sessionId));
    expect(statements).toBe(1);
    expect(viewer).toMatchObject({ id: user.id, displayName: "Lan Alone", memberships: [{ orgId: org.id, role: "manager" }] });
  });

  it("runs under the connection's timeouts", async () => {
    const [row] = await readAlone(
      (sql) => sql<{ s: string; l: string }[]>`select current_setting('statement_timeout') as s, current_setting('lock_timeout') as l`,
    );
    expect(row).toEqual({ s: `${env().DATABASE_STATEMENT_TIMEOUT_MS / 1000}s`, l: `${LOCK_MS}ms` });
  });

  it("answers 'busy' at the lock timeout when auth.users is locked, instead of waiting", async () => {
    const user = await createUser();
    const db = postgres(env().DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await db.begin(async (tx) => {
        await tx`lock table auth.users in access exclusive mode`;
        const started = Date.now();
        await expect(loadViewerBySession(user.sessionId)).rejects.toBeInstanceOf(BusyError);
        expect(Date.now() - started).toBeLessThan(LOCK_MS + 2000);
      });
    } finally {
      await db.end();
    }
    expect((await loadViewerBySession(user.sessionId))?.id).toBe(user.id);
  });

  it("is a transaction with its settings when prepared statements are off (a transaction pooler)", async () => {
    const user = await createUser({ name: "Lan Pooled" });
    process.env.DATABASE_PREPARE = "false";
    resetEnv();
    await closeSql();
    await loadViewerBySession(user.sessionId); // a new pool's first connection also reads the types
    const { result: viewer, statements } = await counted(() => loadViewerBySession(user.sessionId));
    expect(statements).toBe(4); // BEGIN, settings, the select, COMMIT
    expect(viewer?.displayName).toBe("Lan Pooled");
    const [row] = await readAlone((sql) => sql<{ l: string }[]>`select current_setting('lock_timeout') as l`);
    expect(row).toEqual({ l: `${LOCK_MS}ms` });
  });
});
