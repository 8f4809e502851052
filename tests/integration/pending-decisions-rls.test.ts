import { beforeAll, describe, expect, it } from "vitest";
import { decide } from "~/modules/applications/select/decisions.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { createApplication, createCall, createProgram } from "../support/application-factories";

// Pending decisions (decided, not yet told) belong to the call's managers: the founder, a
// reviewer of the organisation, a stranger and a visitor neither read nor change them.
let manager: TestUser;
let founder: TestUser;
let reviewer: TestUser;
let stranger: TestUser;
let callId: string;
let app: string;

beforeAll(async () => {
  [manager, founder, reviewer, stranger] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  await addMember(org.id, reviewer.id, "reviewer");
  callId = (await createCall((await createProgram(org.id)).id)).id;
  app = await createApplication(callId, (await createStartup(founder.id)).id, founder.id);
  await decide(manager.claims, callId, [app], "rejected", { includeMessage: false, releaseFeedback: false, confirmWarnings: false });
});

const run = (claims: Claims | null, sql: string) =>
  asUser(claims, async (tx) => (await tx.unsafe(sql)).count).catch((e: Error) => `refused: ${e.message}`);

describe("row level security", () => {
  const covered: Record<string, () => Promise<void>> = {
    pending_decisions: async () => {
      const where = `public.pending_decisions where application_id = '${app}'`;
      expect(await run(manager.claims, `select 1 from ${where}`)).toBe(1);
      for (const who of [founder, reviewer, stranger]) {
        expect(await run(who.claims, `select 1 from ${where}`)).toBe(0);
        expect(await run(who.claims, `update ${where.replace("public.pending_decisions", "public.pending_decisions set decision = 'accepted'")}`)).toBe(0);
        expect(await run(who.claims, `delete from ${where}`)).toBe(0);
        expect(await run(who.claims, `insert into public.pending_decisions (application_id, call_id, decision) values ('${app}', '${callId}', 'waitlisted')`)).toMatch(/refused/);
      }
      expect(await run(null, `select 1 from ${where}`)).toMatch(/refused/);
    },
  };
  for (const [table, check] of Object.entries(covered)) it(`refuses the wrong user on ${table}`, check);
});
