import { beforeAll, describe, expect, it } from "vitest";
import { decideAffiliation, setAffiliation } from "~/modules/startups/affiliation.server";
import { organisationPage } from "~/modules/identity/organisations.server";
import { startupPage } from "~/modules/startups/profile.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { assign, createApplication, createCall, createProgram } from "../support/application-factories";

// A founder names their startup's organisation; its reviewers count as conflicted only once the
// organisation's managers confirm it. Before, a founder could name the incubator running a call
// and leave it without reviewers.
let founder: TestUser;
let manager: TestUser; // manages the incubator that runs the call
let reviewer: TestUser; // reviewer of the same incubator
let otherManager: TestUser; // manages another organisation
let incubator: { id: string; slug: string };
let startup: { id: string; slug: string };
let callId: string;

beforeAll(async () => {
  [founder, manager, reviewer, otherManager] = await Promise.all([createUser(), createUser({ locale: "vi" }), createUser(), createUser()]);
  incubator = await createOrg();
  const other = await createOrg();
  await addMember(incubator.id, manager.id, "manager");
  await addMember(incubator.id, reviewer.id, "reviewer");
  await addMember(other.id, otherManager.id, "manager");
  startup = await createStartup(founder.id);
  callId = (await createCall((await createProgram(incubator.id)).id)).id;
});

const status = async () =>
  (await asService((tx) => tx<{ s: string | null }[]>`select affiliation_status as s from public.startups where id = ${startup.id}`))[0]!.s;

/** Assigns the reviewer to a fresh application of the startup; the error's message when refused. */
async function assignment() {
  await asService((tx) => tx`delete from public.applications where startup_id = ${startup.id}`);
  const app = await createApplication(callId, startup.id, founder.id);
  return assign(app, reviewer.id).then(
    () => "assigned",
    (e: Error) => e.message,
  );
}

describe("a startup's affiliation", () => {
  it("named by a founder is pending, and makes no reviewer of that organisation conflicted", async () => {
    await expect(setAffiliation(reviewer.claims, startup.slug, incubator.id)).rejects.toBeInstanceOf(NotFoundError); // not a member
    expect(await setAffiliation(founder.claims, startup.slug, incubator.id)).toBe("saved");
    expect(await status()).toBe("pending");
    expect(await assignment()).toBe("assigned");
    expect((await startupPage(founder.claims, startup.slug))?.affiliation).toMatchObject({ orgId: incubator.id, status: "pending" });
  });

  it("cannot be confirmed by its founders, in SQL or otherwise", async () => {
    await expect(
      asUser(founder.claims, (tx) => tx`update public.startups set affiliation_status = 'confirmed' where id = ${startup.id}`),
    ).rejects.toThrow(/forbidden/);
    await expect(decideAffiliation(founder.claims, startup.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideAffiliation(otherManager.claims, startup.id, true)).rejects.toBeInstanceOf(NotFoundError);
    expect(await status()).toBe("pending");
  });

  it("is listed for the organisation's managers only, who confirm it; then it counts for conflicts", async () => {
    expect((await organisationPage(manager.claims, incubator.slug))?.affiliations.map((a) => a.slug)).toEqual([startup.slug]);
    expect((await organisationPage(reviewer.claims, incubator.slug))?.affiliations).toEqual([]);
    expect((await organisationPage(otherManager.claims, incubator.slug))?.affiliations).toEqual([]);
    await decideAffiliation(manager.claims, startup.id, true);
    expect(await status()).toBe("confirmed");
    expect(await assignment()).toMatch(/reviewer_conflicted/);
    expect((await organisationPage(manager.claims, incubator.slug))?.affiliations).toEqual([]);
  });

  it("once confirmed, is the organisation's to end, not the founders'", async () => {
    expect(await setAffiliation(founder.claims, startup.slug, null)).toBe("confirmed_locked");
    expect(await status()).toBe("confirmed");
    await decideAffiliation(manager.claims, startup.id, false);
    expect(await status()).toBe("declined");
    expect(await assignment()).toBe("assigned");
    // the founders may then name another organisation, pending again, or none
    expect(await setAffiliation(founder.claims, startup.slug, null)).toBe("saved");
    expect(await status()).toBeNull();
  });
});
