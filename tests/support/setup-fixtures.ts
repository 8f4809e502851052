// What the manager's set-up tests share: a manager of an incubator in Ho Chi Minh City time, a
// manager of another incubator, a platform administrator, and the programmes and calls they make.
import { createCall } from "~/modules/applications/setup/call-settings.server";
import { createProgramme } from "~/modules/applications/setup/programmes.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, makeAdmin, type TestUser } from "./factories";

export type SetupActors = { manager: TestUser; outsider: TestUser; admin: TestUser; orgId: string };

export async function setupActors(): Promise<SetupActors> {
  const [manager, outsider, admin] = await Promise.all([createUser(), createUser(), createUser()]);
  const org = await createOrg();
  const other = await createOrg();
  await addMember(org.id, manager.id, "manager");
  await addMember(other.id, outsider.id, "manager");
  await makeAdmin(admin.id);
  return { manager, outsider, admin, orgId: org.id };
}

export const callInput = (over: Record<string, unknown> = {}) => ({
  slug: `call-${Math.random().toString(36).slice(2, 10)}`,
  titleVi: "Tuyển chọn khóa 2027",
  titleEn: "Cohort 2027 call",
  descriptionVi: "",
  descriptionEn: "",
  opensAt: "2027-03-01T09:00",
  closesAt: "2027-04-30T17:00",
  reviewsPerApplication: "2",
  shortlistThreshold: "60",
  offerDays: "14",
  blindFields: ["founders", "team"],
  ...over,
});

export const count = async (table: string, where: string, id: string) =>
  asService(async (tx) => Number((await tx.unsafe(`select count(*)::int as n from public.${table} where ${where} = $1`, [id]))[0]!.n));

/** A programme of `orgId` made by `who`. */
export async function newProgrammeOf(who: TestUser, orgId: string) {
  const result = await createProgramme(who.claims, {
    orgId, slug: `prog-${Math.random().toString(36).slice(2, 10)}`, nameVi: "Ươm tạo", nameEn: "Incubation", descriptionVi: "", descriptionEn: "",
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value.id;
}

/** A call of the programme made by `who`, from `callInput(over)`. */
export async function newCallOf(who: TestUser, programmeId: string, over: Record<string, unknown> = {}) {
  const result = await createCall(who.claims, programmeId, callInput(over));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value.id;
}
