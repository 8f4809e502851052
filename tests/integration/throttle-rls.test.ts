import { beforeAll, describe, expect, it } from "vitest";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { createUser, type TestUser } from "../support/factories";

// The throttle's counters and unlock links are the service's alone: no user, not even the account's
// owner, reads or writes them through the API (an owner who could would clear their attacker's count,
// and a reader could learn who is being guessed at).
let owner: TestUser;

beforeAll(async () => {
  owner = await createUser();
  await asService(async (tx) => {
    await tx`insert into public.sign_in_counters (key) values (${`pair:203.0.113.1|${owner.email}`})`;
    await tx`insert into public.sign_in_unlocks (user_id, token_hash, expires_at) values (${owner.id}, 'hash-u', now() + interval '1 hour')`;
  });
});

const changed = (claims: Claims | null, statement: string) =>
  asUser(claims, async (tx) => (await tx.unsafe(statement)).count).catch((e: Error) => `refused: ${e.message}`);

describe("sign-in throttle RLS", () => {
  const covered: Record<string, () => Promise<void>> = {
    sign_in_counters: async () => {
      for (const who of [null, owner.claims]) {
        expect(await changed(who, "select * from public.sign_in_counters")).toMatch(/refused/);
        expect(await changed(who, "delete from public.sign_in_counters")).toMatch(/refused/);
        expect(await changed(who, "update public.sign_in_counters set attempts = 0")).toMatch(/refused/);
        expect(await changed(who, "insert into public.sign_in_counters (key) values ('address:x')")).toMatch(/refused/);
      }
    },
    sign_in_unlocks: async () => {
      for (const who of [null, owner.claims]) {
        expect(await changed(who, "select * from public.sign_in_unlocks")).toMatch(/refused/);
        expect(await changed(who, "update public.sign_in_unlocks set used_at = null")).toMatch(/refused/);
        expect(await changed(who, "delete from public.sign_in_unlocks")).toMatch(/refused/);
        expect(await changed(who, `insert into public.sign_in_unlocks (user_id, token_hash, expires_at) values ('${owner.id}', 'h', now())`)).toMatch(/refused/);
      }
    },
  };

  for (const [table, check] of Object.entries(covered)) {
    it(`refuses the wrong user on ${table}`, check);
  }
});
