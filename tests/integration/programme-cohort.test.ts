import { beforeAll, describe, expect, it } from "vitest";
import { cohortPage, programmeCohortPage } from "~/modules/applications/select/cohort.server";
import { respondToOffer } from "~/modules/applications/apply/actions.server";
import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import { createApplication, createCall, createProgram } from "../support/application-factories";
import { addMember, createOrg, createStartup, createUser, makeAdmin, type TestUser } from "../support/factories";

// The cohort of a programme: the startups whose founders confirmed an offer of any of its calls,
// with founders, stage, sector, the call they came through and the day they joined; for the
// programme's managers and platform admins only.
let manager: TestUser;
let admin: TestUser;
let otherManager: TestUser;
let reviewer: TestUser;
let founder: TestUser;
let cofounder: TestUser;
let secondFounder: TestUser;
let programmeId: string;
let emptyProgrammeId: string;
let firstCall: { id: string; slug: string };
let secondCall: { id: string; slug: string };
const codes: Record<string, string> = {};

/** A submitted application of the startup, decided as given; accepted ones carry an open offer. */
async function decided(callId: string, startupId: string, founderId: string, decision: "accepted" | "rejected") {
  const id = await createApplication(callId, startupId, founderId);
  const [row] = await asService(
    (tx) => tx<{ code: string }[]>`
      update public.applications set decision = ${decision}, decided_at = now(),
             offer_expires_at = case when ${decision} = 'accepted' then now() + interval '7 days' end
       where id = ${id} returning code`,
  );
  codes[id] = row!.code;
  return id;
}

beforeAll(async () => {
  const org = await createOrg();
  [manager, admin, otherManager, reviewer, founder, cofounder, secondFounder] = await Promise.all([
    createUser({ name: "Mai Tran" }),
    createUser(),
    createUser(),
    createUser(),
    createUser({ name: "Anh Le" }),
    createUser({ name: "Binh Do", locale: "vi" }),
    createUser({ name: "Chi Vu" }),
  ]);
  await addMember(org.id, manager.id, "manager");
  await addMember(org.id, reviewer.id, "reviewer");
  await addMember((await createOrg()).id, otherManager.id, "manager");
  await makeAdmin(admin.id);

  const water = await createStartup(founder.id);
  const farm = await createStartup(secondFounder.id);
  const pending = await createStartup(secondFounder.id);
  await asService(async (tx) => {
    await tx`update public.startups set name = 'Water Co', sector = 'Smart water', stage = 'mvp' where id = ${water.id}`;
    await tx`update public.startups set name = 'Farm Co', sector = '', stage = 'seed' where id = ${farm.id}`;
    await tx`update public.startups set name = 'Pending Co' where id = ${pending.id}`;
    await tx`insert into public.startup_members (startup_id, user_id, role) values (${water.id}, ${cofounder.id}, 'founder')`;
  });

  const programme = await createProgram(org.id);
  programmeId = programme.id;
  emptyProgrammeId = (await createProgram(org.id)).id;
  firstCall = await createCall(programmeId);
  secondCall = await createCall(programmeId);
  // Water Co came in through the first call; in the second it was turned down.
  const waterFirst = await decided(firstCall.id, water.id, founder.id, "accepted");
  await decided(secondCall.id, water.id, founder.id, "rejected");
  const farmSecond = await decided(secondCall.id, farm.id, secondFounder.id, "accepted");
  // Pending Co has an offer it has not answered: not in the cohort.
  await decided(secondCall.id, pending.id, secondFounder.id, "accepted");
  expect(await respondToOffer(founder.claims, waterFirst, true)).toBe("confirmed");
  expect(await respondToOffer(secondFounder.claims, farmSecond, true)).toBe("confirmed");
  codes.water = codes[waterFirst]!;
  codes.farm = codes[farmSecond]!;
});

const shape = (page: Awaited<ReturnType<typeof programmeCohortPage>>) =>
  page.members.map((m) => ({ name: m.name, founders: m.founders, stage: m.stage, sector: m.sector, call: m.call?.id, code: m.code }));

describe("the programme's cohort page", () => {
  it("lists the confirmed startups with founders, stage, sector, the call they came through and the day they joined", async () => {
    const page = await programmeCohortPage(manager.claims, programmeId);
    expect(page.programme.id).toBe(programmeId);
    expect(page.programme.name.en).toMatch(/^Programme /);
    expect(shape(page)).toEqual([
      { name: "Farm Co", founders: [secondFounder.name], stage: "seed", sector: "", call: secondCall.id, code: codes.farm },
      { name: "Water Co", founders: [founder.name, cofounder.name], stage: "mvp", sector: "Smart water", call: firstCall.id, code: codes.water },
    ]);
    const water = page.members.find((m) => m.name === "Water Co")!;
    expect(water.call!.title).toEqual({ vi: `Đợt ${firstCall.slug}`, en: `Call ${firstCall.slug}` });
    expect(Math.abs(Date.parse(water.joinedAt) - Date.now())).toBeLessThan(60_000);
  });

  it("is the same cohort from any call of the programme", async () => {
    const fromCall = await cohortPage(manager.claims, secondCall.id);
    expect(fromCall!.members.map((m) => [m.name, m.code, m.call?.id])).toEqual([
      ["Farm Co", codes.farm, secondCall.id],
      ["Water Co", codes.water, firstCall.id],
    ]);
  });

  it("shows platform admins the founders too", async () => {
    expect(shape(await programmeCohortPage(admin.claims, programmeId))).toEqual(shape(await programmeCohortPage(manager.claims, programmeId)));
  });

  it("is empty for a programme nobody has joined yet", async () => {
    expect((await programmeCohortPage(manager.claims, emptyProgrammeId)).members).toEqual([]);
  });

  it("refuses another organisation's manager, the incubator's reviewer and the founders (403), and answers 404 for unknown programmes", async () => {
    for (const who of [otherManager, reviewer, founder, cofounder]) {
      await expect(programmeCohortPage(who.claims, programmeId), who.email).rejects.toBeInstanceOf(ForbiddenError);
      await expect(cohortPage(who.claims, firstCall.id), who.email).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(programmeCohortPage(manager.claims, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(programmeCohortPage(manager.claims, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});
