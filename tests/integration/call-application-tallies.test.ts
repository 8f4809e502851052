import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { managerOverview } from "~/modules/applications/setup/overview.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { createApplication, createCall, createProgram } from "../support/application-factories";

// /manage and a call's settings read each call's drafts and submitted applications from counts kept
// by triggers (20261208500000_call_application_tallies.sql). After every kind of change, and with
// writers racing on one call, they must equal a count from scratch of what is committed.

let manager: TestUser;
let founder: TestUser;
let orgId: string;
let programmeId: string;
const db = postgres(process.env.DATABASE_URL!, { max: 16, onnotice: () => {} });

beforeAll(async () => {
  [manager, founder] = await Promise.all([createUser(), createUser()]);
  const org = await createOrg();
  orgId = org.id;
  await addMember(orgId, manager.id, "manager");
  programmeId = (await createProgram(orgId)).id;
});

afterAll(async () => {
  await db.end();
});

const kept = (callId: string) =>
  asUser(manager.claims, (tx) => tx<{ drafts: number; submitted: number }[]>`select * from public.call_application_counts(${callId})`);

const fromScratch = (callId: string) =>
  asService(
    (tx) => tx<{ drafts: number; submitted: number }[]>`
      select (count(*) filter (where status = 'draft'))::int as drafts, (count(*) filter (where status = 'submitted'))::int as submitted
        from public.applications where call_id = ${callId}`,
  );

async function expectKeptEqualsScratch(callId: string, expected: { drafts: number; submitted: number }) {
  expect(await fromScratch(callId)).toEqual([expected]);
  expect(await kept(callId)).toEqual([expected]);
}

describe("a call's application counts", () => {
  it("equal a count from scratch after drafts, submissions, withdrawals, deletions, and are gone with the call", async () => {
    const call = await createCall(programmeId);
    await expectKeptEqualsScratch(call.id, { drafts: 0, submitted: 0 });
    const startups = await Promise.all(Array.from({ length: 5 }, () => createStartup(founder.id)));
    const drafts: string[] = [];
    for (const s of startups.slice(0, 3)) drafts.push(await createApplication(call.id, s.id, founder.id, "draft"));
    const sent: string[] = [];
    for (const s of startups.slice(3)) sent.push(await createApplication(call.id, s.id, founder.id));
    await expectKeptEqualsScratch(call.id, { drafts: 3, submitted: 2 });

    await asService((tx) => tx`update public.applications set status = 'submitted' where id = ${drafts[0]!}`);
    await expectKeptEqualsScratch(call.id, { drafts: 2, submitted: 3 });
    await asService((tx) => tx`update public.applications set status = 'withdrawn' where id = ${sent[0]!}`);
    await expectKeptEqualsScratch(call.id, { drafts: 2, submitted: 2 });
    // an update that leaves the status as it is changes nothing
    await asService((tx) => tx`update public.applications set status = status, stage = stage where call_id = ${call.id}`);
    await expectKeptEqualsScratch(call.id, { drafts: 2, submitted: 2 });
    await asService((tx) => tx`delete from public.applications where id in ${tx([drafts[1]!, sent[0]!])}`);
    await expectKeptEqualsScratch(call.id, { drafts: 1, submitted: 2 });

    // the manager's overview shows the same numbers
    const overview = await managerOverview(manager.claims);
    const shown = overview.flatMap((o) => o.programmes.flatMap((p) => p.calls)).find((c) => c.id === call.id);
    expect(shown).toMatchObject({ drafts: 1, submitted: 2 });

    await asService((tx) => tx`delete from public.calls where id = ${call.id}`);
    expect(await asService((tx) => tx`select 1 from public.call_application_tallies where call_id = ${call.id}`)).toHaveLength(0);
  });

  it("stay exact when writers of one call race, its first applications included", async () => {
    const call = await createCall(programmeId);
    const startups = await Promise.all(Array.from({ length: 24 }, () => createStartup(founder.id)));
    // every writer holds its transaction open a moment after its change, so they overlap
    const ids = await Promise.all(
      startups.map((s) =>
        db.begin(async (tx) => {
          const [row] = await tx<{ id: string }[]>`
            insert into public.applications (call_id, startup_id, created_by) values (${call.id}, ${s.id}, ${founder.id}) returning id`;
          await tx`select pg_sleep(0.02)`;
          return row!.id;
        }),
      ),
    );
    await expectKeptEqualsScratch(call.id, { drafts: 24, submitted: 0 });

    // two thirds submitted at once, one in four of those withdrawn while others still submit; one draft deleted
    await Promise.all(
      ids.map((id, i) =>
        db.begin(async (tx) => {
          if (i % 3 === 2) {
            if (i === 2) await tx`delete from public.applications where id = ${id}`;
            return;
          }
          await tx`update public.applications set status = 'submitted' where id = ${id}`;
          await tx`select pg_sleep(0.01)`;
          if (i % 4 === 0) await tx`update public.applications set status = 'withdrawn' where id = ${id}`;
        }),
      ),
    );
    // i ≡ 2 (mod 3) stay drafts (8, one deleted: 7); the other 16 submitted, of which i = 0, 4, 12, 16 withdrawn: 12
    await expectKeptEqualsScratch(call.id, { drafts: 7, submitted: 12 });
  });
});
