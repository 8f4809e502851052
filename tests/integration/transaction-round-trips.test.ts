import { randomBytes } from "node:crypto";
import { createConnection, createServer, type Socket } from "node:net";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSql, sql, statementCount } from "~/platform/db/sql.server";
import { asService, asServiceWithin, asUser, type Tx } from "~/platform/db/transaction.server";
import { resetEnv } from "~/platform/env.server";
import { createUser } from "../support/factories";

// A transaction's BEGIN and settings travel with its first statement (decision 008, fourth pass):
// a page's transaction costs 2 round trips, and a BEGIN or a setting that fails lets nothing run
// outside the transaction or without its role.

/** A TCP proxy in front of PostgreSQL that counts the times the app sends after hearing back (round trips). */
async function startCountingProxy(target: { host: string; port: number }) {
  let turns = 0;
  const sockets: Socket[] = [];
  const server = createServer((client) => {
    const upstream = createConnection(target);
    sockets.push(client, upstream);
    let answered = true;
    client.on("data", (chunk) => {
      if (answered) turns++;
      answered = false;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      answered = true;
      client.write(chunk);
    });
    const end = () => (client.destroy(), upstream.destroy());
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    turns: () => turns,
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
const direct = process.env.DATABASE_URL!;

beforeAll(async () => {
  const url = new URL(direct);
  proxy = await startCountingProxy({ host: url.hostname, port: Number(url.port) });
  url.port = String(proxy.port);
  await closeSql();
  Object.assign(process.env, { DATABASE_URL: url.toString(), DATABASE_POOL_MAX: "1" });
  resetEnv();
});
afterAll(async () => {
  await closeSql();
  await proxy?.close();
});

/** Round trips and statements of one piece of work, after a first run that opens the connection and prepares its statements. */
async function cost(run: () => Promise<unknown>) {
  await run();
  const [turns, statements] = [proxy.turns(), statementCount()];
  await run();
  return { roundTrips: proxy.turns() - turns, statements: statementCount() - statements };
}

const slug = () => `rt-${randomBytes(5).toString("hex")}`;
const insertOrg = (tx: Tx, s: string) => tx`insert into public.organisations (slug, kind, name_vi, name_en) values (${s}, 'business', 'a', 'b')`;
const orgsWith = async (slugs: string[]) =>
  (await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.organisations where slug in ${tx(slugs)}`))[0]!.n;

/** postgres.js's begin as the patch extends it: BEGIN's options and the statements sent with it. */
function beginWith<T>(options: string, lead: { string: string; parameters: string[] }[], work: (tx: Tx) => Promise<T>) {
  const begin = sql().begin as unknown as (o: { options: string; lead: typeof lead }, w: (tx: Tx) => Promise<T>) => Promise<T>;
  return begin.call(sql(), { options, lead }, work);
}

describe("a transaction's round trips", () => {
  it("is 2 round trips for a signed-in viewer's one select (BEGIN, settings and select; COMMIT), statements counted as before", async () => {
    const user = await createUser();
    const page = () => asUser(user.claims, (tx) => tx<{ uid: string }[]>`select auth.uid() as uid, current_user as role`);
    expect(await page()).toEqual([{ uid: user.id, role: "authenticated" }]);
    expect(await cost(page)).toEqual({ roundTrips: 2, statements: 4 });
  });

  it("sends statements made together after the first one's answer, never more round trips than before", async () => {
    const user = await createUser();
    const work = () => asUser(user.claims, (tx) => Promise.all([tx`select 1`, tx`select 2`, tx`select auth.uid() as uid`]));
    expect((await work())[2]).toEqual([{ uid: user.id }]);
    // BEGIN, settings and the first select; the two others; COMMIT (before: BEGIN; settings and the three; COMMIT).
    expect(await cost(work)).toEqual({ roundTrips: 3, statements: 6 });
  });

  it("runs none of the work when BEGIN fails: not the statement sent with it, not the ones after", async () => {
    const slugs = [slug(), slug(), slug()];
    const settings = [{ string: "select set_config('statement_timeout', $1, true)", parameters: ["5000"] }];
    // "begin nonsense" is a syntax error: BEGIN itself fails.
    const failed = beginWith("nonsense", settings, (tx) => Promise.all(slugs.map((s) => insertOrg(tx, s))));
    await expect(failed).rejects.toMatchObject({ code: "42601" });
    expect(await orgsWith(slugs)).toBe(0);
    // The connection went back to the pool clean: the next transaction runs as its own viewer.
    const [row] = await asUser(null, (tx) => tx<{ role: string }[]>`select current_user as role`);
    expect(row).toEqual({ role: "anon" });
  });

  it("runs none of the work when a setting fails, and reports the setting's error", async () => {
    const slugs = [slug(), slug()];
    const settings = [{ string: "select set_config('role', $1, true)", parameters: ["no_such_role"] }];
    const failed = beginWith("", settings, async (tx) => {
      await insertOrg(tx, slugs[0]!);
      await insertOrg(tx, slugs[1]!);
    });
    await expect(failed).rejects.toThrow(/no_such_role/);
    expect(await orgsWith(slugs)).toBe(0);
  });

  it("still rolls back work that throws, and a work that sends nothing costs one round trip", async () => {
    const s = slug();
    await expect(
      asService(async (tx) => {
        await insertOrg(tx, s);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await orgsWith([s])).toBe(0);
    expect(await cost(() => asService(async () => "nothing"))).toEqual({ roundTrips: 1, statements: 3 });
  });

  it("takes a simple-protocol first statement (no parameters) after a carrier statement", async () => {
    const rows = await asService((tx) => tx.unsafe("select 1 as one; select 2 as two") as unknown as Promise<postgres.Row[][]>);
    expect(rows.map((r) => r[0])).toEqual([{ one: 1 }, { two: 2 }]);
  });

  it("does a piece of work as the service inside a user's transaction in 2 statements of its own, then is the user again", async () => {
    const user = await createUser();
    const [service] = await asService((tx) => tx<{ role: string }[]>`select current_user as role`);
    const roles = () =>
      asUser(user.claims, async (tx) => {
        const inside = await asServiceWithin(tx, (tx) => tx<{ role: string }[]>`select current_user as role`);
        const [after] = await tx<{ role: string; uid: string }[]>`select current_user as role, auth.uid() as uid`;
        return { inside: inside[0]!.role, after };
      });
    expect(await roles()).toEqual({ inside: service!.role, after: { role: "authenticated", uid: user.id } });
    // BEGIN, settings, the switch, the work's select, the switch back, the select after, COMMIT.
    expect((await cost(roles)).statements).toBe(7);
  });
});
