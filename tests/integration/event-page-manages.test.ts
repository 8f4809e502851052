import { beforeAll, describe, expect, it } from "vitest";
import "~/modules/events/strings";
import { eventPage } from "~/modules/events/page/event.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";
import { createEvent } from "../support/event-factories";

// The event page's "manage" link (`manages`, manages_event() in the page's one statement): the same
// answer as manages_event() asked alone, for the event's staff and managers, members in other roles,
// other organisations' managers, a stranger and a visitor, on a published event and on a draft
// (which only its organisers see).
let event: { id: string; slug: string };
let draft: { id: string; slug: string };
const people: Record<string, TestUser> = {};

beforeAll(async () => {
  const [org, other] = await Promise.all([createOrg(), createOrg()]);
  for (const name of ["manager", "staff", "mentor", "otherManager", "stranger"]) people[name] = await createUser();
  await addMember(org.id, people.manager!.id, "manager");
  await addMember(org.id, people.staff!.id, "staff");
  await addMember(org.id, people.mentor!.id, "mentor");
  await addMember(other.id, people.otherManager!.id, "manager");
  event = await createEvent(org.id);
  draft = await createEvent(org.id, { published: false });
});

async function managesEvent(user: TestUser, eventId: string) {
  const [row] = await asService(
    (tx) => tx<{ manages: boolean }[]>`
      select set_config('request.jwt.claims', ${JSON.stringify(user.claims)}, true), public.manages_event(${eventId}) as manages`,
  );
  return row!.manages;
}

describe("the event page's manage link", () => {
  it("is shown to whom manages_event() says manages the event, and to no one else", async () => {
    for (const [name, user] of Object.entries(people)) {
      const expected = await managesEvent(user, event.id);
      expect((await eventPage(user.claims, event.slug, null, "en")).manages, name).toBe(expected);
    }
    expect(await managesEvent(people.manager!, event.id)).toBe(true);
    expect(await managesEvent(people.staff!, event.id)).toBe(true);
    expect(await managesEvent(people.mentor!, event.id)).toBe(false);
    expect((await eventPage(null, event.slug, null, "en")).manages).toBe(false);
  });

  it("is shown on a draft to its organisers, who alone see it", async () => {
    expect((await eventPage(people.manager!.claims, draft.slug, null, "vi")).manages).toBe(true);
    expect((await eventPage(people.staff!.claims, draft.slug, null, "vi")).manages).toBe(true);
    await expect(eventPage(people.mentor!.claims, draft.slug, null, "vi")).rejects.toThrow();
  });
});
