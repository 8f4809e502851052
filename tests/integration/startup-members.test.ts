import { describe, expect, it } from "vitest";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { createStartup, createUser, type TestUser } from "../support/factories";

// Removing a startup's members, as the members themselves (RLS): a member may leave, a founder
// may remove anyone, and nobody removes the last founder, even when two founders race.

async function startupWith(...members: { user: TestUser; role: "founder" | "team" }[]) {
  const [first, ...rest] = members;
  const startup = await createStartup(first!.user.id);
  await asService(async (tx) => {
    for (const m of rest) await tx`insert into public.startup_members (startup_id, user_id, role) values (${startup.id}, ${m.user.id}, ${m.role})`;
  });
  return startup.id;
}

const remove = (claims: Claims, startupId: string, userId: string) =>
  asUser(claims, async (tx) => (await tx`delete from public.startup_members where startup_id = ${startupId} and user_id = ${userId}`).count);

const members = (startupId: string) =>
  asService(async (tx) =>
    (await tx<{ user_id: string }[]>`select user_id from public.startup_members where startup_id = ${startupId} order by user_id`).map((r) => r.user_id),
  );

describe("removing a startup's members", () => {
  it("lets a founder remove a team member, and a team member leave, but not remove a founder", async () => {
    const [founder, team, team2] = await Promise.all([createUser(), createUser(), createUser()]);
    const startupId = await startupWith({ user: founder, role: "founder" }, { user: team, role: "team" }, { user: team2, role: "team" });

    expect(await remove(team.claims, startupId, founder.id)).toBe(0);
    expect(await remove(team.claims, startupId, team2.id)).toBe(0);
    expect(await remove(team.claims, startupId, team.id)).toBe(1);
    expect(await remove(founder.claims, startupId, team2.id)).toBe(1);
    expect(await members(startupId)).toEqual([founder.id]);
  });

  it("never removes the last founder, nor lets a stranger remove anyone", async () => {
    const [founder, stranger] = await Promise.all([createUser(), createUser()]);
    const startupId = await startupWith({ user: founder, role: "founder" });

    expect(await remove(founder.claims, startupId, founder.id)).toBe(0);
    expect(await remove(stranger.claims, startupId, founder.id)).toBe(0);
    expect(await members(startupId)).toEqual([founder.id]);
  });

  it("keeps one founder when two founders remove each other at the same time", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([createUser(), createUser()]);
      const startupId = await startupWith({ user: a, role: "founder" }, { user: b, role: "founder" });

      const removed = await Promise.all([remove(a.claims, startupId, b.id), remove(b.claims, startupId, a.id)]);

      expect(removed.reduce((n, c) => n + c, 0)).toBe(1);
      expect(await members(startupId)).toHaveLength(1);
    }
  });
});
