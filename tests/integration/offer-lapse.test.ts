import { describe, expect, it } from "vitest";
import { respondToOffer } from "~/modules/applications/apply/actions.server";
import { jobs } from "~/jobs.server";
import { asService } from "~/platform/db/transaction.server";
import { runScheduled } from "../support/jobs";
import { createApplication, createCall, createProgram } from "../support/application-factories";
import { createOrg, createStartup, createUser, outboxFor } from "../support/factories";

// Offers lapse on their own: the scheduler's sweep, run here as the scheduler would queue it,
// after the test moves the offer's deadline into the past (the job clock), never by sleeping.
async function acceptedApplication(offerExpiresAt: string) {
  const org = await createOrg();
  const program = await createProgram(org.id);
  const call = await createCall(program.id);
  const founder = await createUser({ locale: "vi" });
  const cofounder = await createUser({ locale: "en" });
  const startup = await createStartup(founder.id);
  await asService((tx) => tx`insert into public.startup_members (startup_id, user_id, role) values (${startup.id}, ${cofounder.id}, 'founder')`);
  const id = await createApplication(call.id, startup.id, founder.id);
  await asService(
    (tx) => tx`update public.applications set decision = 'accepted', decided_at = now(),
                 offer_expires_at = now() + ${offerExpiresAt}::interval where id = ${id}`,
  );
  return { id, founder, cofounder };
}

const runScheduledSweep = () => runScheduled("applications.lapse-offers");

const offerOf = async (id: string) =>
  (await asService((tx) => tx<{ offer_response: string | null }[]>`select offer_response from public.applications where id = ${id}`))[0]!
    .offer_response;

describe("offers lapse at their deadline", () => {
  it("lapses an offer past its deadline once, mails each founder in their language, and records it for the managers", async () => {
    const due = await acceptedApplication("1 day");
    const open = await acceptedApplication("2 days");

    await runScheduledSweep();
    expect(await offerOf(due.id)).toBeNull(); // not yet

    // The job clock moves past the first deadline.
    await asService((tx) => tx`update public.applications set offer_expires_at = now() - interval '1 minute' where id = ${due.id}`);
    await runScheduledSweep();
    await runScheduledSweep(); // a second sweep (or a retried one) changes nothing

    expect(await offerOf(due.id)).toBe("lapsed");
    expect(await offerOf(open.id)).toBeNull();
    const vi = (await outboxFor(due.founder.email)).filter((m) => m.template === "offer-lapsed");
    const en = (await outboxFor(due.cofounder.email)).filter((m) => m.template === "offer-lapsed");
    expect(vi).toHaveLength(1);
    expect(vi[0]!.subject).toMatch(/Lời mời tham gia .* đã hết hạn/);
    expect(en).toHaveLength(1);
    expect(en[0]!.subject).toMatch(/Your offer for .* has lapsed/);
    expect((await outboxFor(open.founder.email)).filter((m) => m.template === "offer-lapsed")).toHaveLength(0);

    const events = await asService(
      (tx) => tx<{ kind: string; to_value: string }[]>`
        select kind, to_value from public.application_events where application_id = ${due.id} and kind = 'offer'`,
    );
    expect(events).toEqual([{ kind: "offer", to_value: "lapsed" }]);

    // The founder can no longer confirm a lapsed offer.
    expect(await respondToOffer(due.founder.claims, due.id, true)).toBe("no_open_offer");
  });

  it("is on the schedule, and every schedule names a task that exists", () => {
    expect(jobs.schedules.map((s) => s.task)).toContain("applications.lapse-offers");
    for (const s of jobs.schedules) expect(Object.keys(jobs.tasks)).toContain(s.task);
  });
});
