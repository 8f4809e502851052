import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "~/platform/db/errors.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createProgram } from "../support/application-factories";

// Mentor profiles and approvals, as the people they concern: bad values are the sender's input
// (InvalidInputError, answered 400 in the viewer's language) and write nothing.
let mentor: TestUser;
let stranger: TestUser;
let manager: TestUser;
let orgId: string;
let programId: string;

beforeAll(async () => {
  [mentor, stranger, manager] = await Promise.all([createUser(), createUser(), createUser()]);
  orgId = (await createOrg()).id;
  await addMember(orgId, mentor.id, "mentor");
  await addMember(orgId, manager.id, "manager");
  programId = (await createProgram(orgId)).id;
  await asService((tx) => tx`insert into public.expertise_tags (slug, name_vi, name_en) values ('marketing', 'Tiếp thị', 'Marketing')`);
});

const profileOf = (id: string) => asService((tx) => tx`select user_id, expertise, time_zone from public.mentor_profiles where user_id = ${id}`);

describe("mentor profiles", () => {
  it("refuses a tag outside the taxonomy and an unknown time zone as bad input, writing nothing", async () => {
    const write = (expertise: string[], zone: string) =>
      asUser(mentor.claims, (tx) => tx`insert into public.mentor_profiles (user_id, expertise, time_zone) values (${mentor.id}, ${expertise}, ${zone})`);
    await expect(write(["astrology"], "Europe/Amsterdam")).rejects.toBeInstanceOf(InvalidInputError);
    await expect(write(["marketing"], "Mars/Olympus_Mons")).rejects.toBeInstanceOf(InvalidInputError);
    expect(await profileOf(mentor.id)).toEqual([]);
  });

  it("lets someone with the mentor role create their own profile, and nobody else", async () => {
    await asUser(mentor.claims, (tx) => tx`insert into public.mentor_profiles (user_id, expertise, time_zone) values (${mentor.id}, '{marketing}', 'Europe/Amsterdam')`);
    expect(await profileOf(mentor.id)).toEqual([{ user_id: mentor.id, expertise: ["marketing"], time_zone: "Europe/Amsterdam" }]);
    await expect(asUser(stranger.claims, (tx) => tx`insert into public.mentor_profiles (user_id) values (${stranger.id})`)).rejects.toThrow();
    expect(await profileOf(stranger.id)).toEqual([]);
  });

  it("lets the programme's manager approve members of its organisation only", async () => {
    const outsider = await createUser();
    await asService((tx) => tx`insert into public.mentor_profiles (user_id) values (${outsider.id})`);
    await asUser(manager.claims, (tx) => tx`insert into public.program_mentors (program_id, mentor_id) values (${programId}, ${mentor.id})`);
    await expect(
      asUser(manager.claims, (tx) => tx`insert into public.program_mentors (program_id, mentor_id) values (${programId}, ${outsider.id})`),
    ).rejects.toThrow();
    await expect(asUser(mentor.claims, (tx) => tx`delete from public.program_mentors where program_id = ${programId} returning 1`)).resolves.toHaveLength(0);
    const approved = await asService((tx) => tx<{ mentor_id: string; approved_by: string }[]>`select mentor_id, approved_by from public.program_mentors where program_id = ${programId}`);
    expect(approved).toEqual([{ mentor_id: mentor.id, approved_by: manager.id }]);
  });
});
