import { beforeAll, describe, expect, it } from "vitest";
import { callHeadingPage, callSettingsPage } from "~/modules/applications/setup/call-settings.server";
import { managerOverview } from "~/modules/applications/setup/overview.server";
import { asUser } from "~/platform/db/transaction.server";
import { createCall, createProgram } from "../support/application-factories";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";

// A call's status is one SQL function (public.call_status), read by the call layout's heading, the
// settings page and the programmes overview. Its edges, then the three readers agreeing.
let manager: TestUser;

const opens = new Date("2027-03-01T02:00:00Z");
const closes = new Date("2027-04-30T10:00:00Z");
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

async function statusAt(published: boolean, at: Date) {
  const [row] = await asUser(manager.claims, (tx) =>
    tx<{ status: string }[]>`select public.call_status(${published}, ${opens}, ${closes}, ${at}) as status`);
  return row!.status;
}

beforeAll(async () => {
  manager = await createUser();
});

describe("public.call_status", () => {
  it("is scheduled up to the opening instant, open from it, and closed from the closing instant", async () => {
    expect(await statusAt(true, ms(opens, -1))).toBe("scheduled");
    expect(await statusAt(true, opens)).toBe("open");
    expect(await statusAt(true, ms(closes, -1))).toBe("open");
    expect(await statusAt(true, closes)).toBe("closed");
    expect(await statusAt(true, ms(closes, 86_400_000))).toBe("closed");
  });

  it("is a draft whenever the call is unpublished, whatever the clock", async () => {
    for (const at of [ms(opens, -1), opens, ms(closes, -1), closes]) expect(await statusAt(false, at)).toBe("draft");
  });

  it("reads the clock when none is given", async () => {
    const [row] = await asUser(manager.claims, (tx) =>
      tx<{ status: string }[]>`select public.call_status(true, now() - interval '1 day', now() + interval '1 day') as status`);
    expect(row!.status).toBe("open");
  });
});

describe("the pages that show a call's status", () => {
  it("agree, for a draft, a scheduled, an open and a closed call", async () => {
    const { id: orgId } = await createOrg();
    await addMember(orgId, manager.id, "manager");
    const programme = await createProgram(orgId);
    const day = 86_400_000;
    const now = Date.now();
    const calls = {
      draft: await createCall(programme.id, { published: false }),
      scheduled: await createCall(programme.id, { opensAt: new Date(now + day), closesAt: new Date(now + 2 * day) }),
      open: await createCall(programme.id, { opensAt: new Date(now - day), closesAt: new Date(now + day) }),
      closed: await createCall(programme.id, { opensAt: new Date(now - 2 * day), closesAt: new Date(now - day) }),
    };
    const overview = await managerOverview(manager.claims);
    const summaries = overview.flatMap((o) => o.programmes).find((p) => p.id === programme.id)!.calls;
    for (const [status, call] of Object.entries(calls)) {
      expect((await callHeadingPage(manager.claims, call.id)).status).toBe(status);
      expect((await callSettingsPage(manager.claims, call.id)).call.status).toBe(status);
      expect(summaries.find((c) => c.id === call.id)!.status).toBe(status);
    }
  });
});
