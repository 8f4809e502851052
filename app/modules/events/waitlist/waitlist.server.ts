import postgres from "postgres";
import { ConflictError } from "~/platform/db/errors.server";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { refused, type Outcome } from "~/platform/http/form.server";
import type { WaitlistJoinInput } from "../register/schema";
import { mailOffers } from "./offers.server";

// The waitlist of a ticket type: people join when it is sold out, leave when they wish, and are
// offered freed seats in the order they joined (promote_waitlist() in SQL, under the quotas' locks,
// so one seat makes one offer). The sweep lapses offers at their deadline and moves down the list.

const REFUSALS: Record<string, string> = {
  not_found: "events.waitlist.refused.notFound",
  not_on_sale: "events.waitlist.refused.salesEnded",
};

export async function joinWaitlist(claims: Claims, input: WaitlistJoinInput): Promise<Outcome<{ placeId: string }>> {
  try {
    const placeId = await asUser(claims, async (tx) => {
      const [row] = await tx<{ id: string }[]>`
        select public.join_waitlist(${input.ticketType}, ${input.name}, ${input.email}, ${input.locale}) as id`;
      // joining a list with a free seat and nobody ahead is an offer at once
      await mailOffers(tx, [row!.id]);
      return row!.id;
    });
    return { ok: true, value: { placeId } };
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.message in REFUSALS) return refused({ ticketType: REFUSALS[error.message]! });
    if (error instanceof ConflictError && error.constraint === "event_waitlist_open_idx") {
      return refused({ ticketType: "events.waitlist.refused.already" });
    }
    throw error;
  }
}

export async function leaveWaitlist(claims: Claims, placeId: string): Promise<Outcome> {
  try {
    await asUser(claims, async (tx) => {
      const offered = await tx<{ id: string }[]>`select public.leave_waitlist(${placeId}) as id`;
      await mailOffers(tx, offered.map((o) => o.id));
    });
    return { ok: true, value: undefined };
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.message === "not_found") return refused({ placeId: "events.waitlist.refused.notFound" });
    throw error;
  }
}

/**
 * The sweep, run by the scheduler every minute (safe to run twice): expire held orders past their
 * hold, lapse offers past their deadline, close lists whose sales ended, and offer what was freed.
 * `now` is the job's clock. Returns how many offers were made.
 */
export function sweepHolds(now: Date = new Date()): Promise<number> {
  return asService(async (tx) => {
    const offered = await tx<{ id: string }[]>`select public.sweep_event_holds(${now}::timestamptz) as id`;
    await mailOffers(tx, offered.map((o) => o.id));
    return offered.length;
  });
}
