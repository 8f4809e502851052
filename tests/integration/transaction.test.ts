import { describe, expect, it } from "vitest";
import { ConflictError } from "~/platform/db/errors.server";
import { statementCount } from "~/platform/db/sql.server";
import { asService, asServiceWithin, asUser, readAlone } from "~/platform/db/transaction.server";
import { createOrg, createUser } from "../support/factories";

describe("the data-access helper", () => {
  it("runs user work as `authenticated` with the claims set, so auth.uid() is the user", async () => {
    const user = await createUser();
    const [row] = await asUser(user.claims, (tx) => tx<{ role: string; uid: string }[]>`select current_user as role, auth.uid() as uid`);
    expect(row).toEqual({ role: "authenticated", uid: user.id });
    const [anon] = await asUser(null, (tx) => tx<{ role: string; uid: string | null }[]>`select current_user as role, auth.uid() as uid`);
    expect(anon).toEqual({ role: "anon", uid: null });
  });

  it("turns a unique violation into a conflict the user can read", async () => {
    const org = await createOrg();
    await expect(
      asService((tx) => tx`insert into public.organisations (slug, kind, name_vi, name_en) values (${org.slug}, 'business', 'a', 'b')`),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("retries the loser of a deadlock, so both transactions complete", async () => {
    const [a, b] = [await createOrg(), await createOrg()];
    let attempts = 0;
    let bothLocked: () => void;
    const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
    let holding = 0;
    const lockThenCross = (first: string, second: string) =>
      asService(async (tx) => {
        attempts++;
        await tx`update public.organisations set name_en = name_en where id = ${first}`;
        if (++holding === 2) bothLocked();
        await barrier; // both hold their first row: the second updates deadlock
        await tx`update public.organisations set name_en = name_en || '+' where id = ${second}`;
      });
    await Promise.all([lockThenCross(a.id, b.id), lockThenCross(b.id, a.id)]);
    expect(attempts).toBe(3); // one victim, retried once
    const rows = await asService((tx) => tx<{ name_en: string }[]>`select name_en from public.organisations where id in (${a.id}, ${b.id})`);
    expect(rows.every((r) => r.name_en.endsWith("+"))).toBe(true);
  });

  it("does a piece of work as the service inside a user's transaction, in 2 statements of its own, then is the user again", async () => {
    const user = await createUser();
    const [service] = await asService((tx) => tx<{ role: string }[]>`select current_user as role`);
    const roles = () =>
      asUser(user.claims, async (tx) => {
        const inside = await asServiceWithin(tx, (tx) => tx<{ role: string }[]>`select current_user as role`);
        const [after] = await tx<{ role: string; uid: string }[]>`select current_user as role, auth.uid() as uid`;
        return { inside: inside[0]!.role, after };
      });
    expect(await roles()).toEqual({ inside: service!.role, after: { role: "authenticated", uid: user.id } });
    const before = statementCount();
    await roles();
    // BEGIN, settings, the switch, the work's select, the switch back, the select after, COMMIT.
    expect(statementCount() - before).toBe(7);
  });

  it("counts statements without a stack captured per query, in a transaction as on the pool", async () => {
    // postgres.js captures a stack in a new Error for every query built while its `debug` hook is
    // truthy (query.js), unless the hook is marked `stackless` (our patch, decision 008 tenth pass).
    const handlerDebug = (q: object) => (q as { handler: { debug: unknown } }).handler.debug;
    const user = await createUser();
    let before = statementCount();
    const inTx = await asUser(user.claims, async (tx) => {
      const q = tx<{ one: number }[]>`select 1 as one`;
      await q;
      return handlerDebug(q);
    });
    expect(inTx).toBeFalsy();
    expect(statementCount() - before).toBe(4); // BEGIN, settings, the select, COMMIT
    before = statementCount();
    const alone = await readAlone(async (sql) => {
      const q = sql<{ one: number }[]>`select 1 as one`;
      await q;
      return handlerDebug(q);
    });
    expect(alone).toBeFalsy();
    expect(statementCount() - before).toBe(1);
  });
});
