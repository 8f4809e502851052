import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { raisedName } from "../outcomes.server";

export type WithdrawOutcome = "withdrawn" | "not_allowed";

/** Withdraw an application that has no decision yet (in SQL: a submitted one is frozen); the audit trigger records it. */
export async function withdrawApplication(claims: Claims, id: string): Promise<WithdrawOutcome> {
  try {
    const [row] = await asUser(claims, (tx) => tx<{ done: boolean }[]>`select public.withdraw_application(${id}) as done`);
    return row!.done ? "withdrawn" : "not_allowed";
  } catch (error) {
    if (raisedName(error)) return "not_allowed";
    throw error;
  }
}

export type OfferOutcome = "confirmed" | "declined" | "no_open_offer" | "offer_expired";

/** Confirm or decline an offer; confirming puts the startup in the programme's cohort (in SQL). */
export async function respondToOffer(claims: Claims, id: string, accept: boolean): Promise<OfferOutcome> {
  try {
    const [row] = await asUser(claims, (tx) => tx<{ r: "confirmed" | "declined" }[]>`select public.respond_to_offer(${id}, ${accept}) as r`);
    return row!.r;
  } catch (error) {
    const name = raisedName(error);
    if (name === "no_open_offer" || name === "offer_expired") return name;
    if (name === "not_found") throw new NotFoundError();
    throw error;
  }
}
