import { NotFoundError } from "~/platform/db/errors.server";
import { requireId } from "~/platform/ids.server";
import type { Tx } from "~/platform/db/transaction.server";
import type { Bilingual } from "~/platform/i18n/i18n";
import type { Track } from "./types";

/** What every selection page needs about its call. */
export type ManagedCall = {
  id: string;
  slug: string;
  title: Bilingual;
  programmeId: string;
  programmeName: Bilingual;
  orgId: string;
  timeZone: string;
  reviewsPerApplication: number;
  /** Scored applications a reviewer needs before their scores get z-scores. */
  zMinReviews: number;
  shortlistThreshold: number | null;
  offerDays: number;
  /** When reviews are due, if the call sets a date. */
  reviewDueAt: string | null;
  tracks: Track[];
};


/**
 * The call, if the viewer manages it (a manager of its organisation, or a platform admin); a
 * NotFoundError otherwise, so a stranger gets the same 404 as for a call that does not exist. One statement.
 */
export async function managedCall(tx: Tx, callId: string): Promise<ManagedCall> {
  const [row] = await tx<{ call: ManagedCallJson | null }[]>`select ${managedCallJson(tx, requireId(callId))} as call`;
  return managedCallOf(row?.call ?? null);
}

/** managedCall's answer as JSON as a scalar subquery (null unless the viewer manages the call), for a page that sends it with its own read in one statement. */
export function managedCallJson(tx: Tx, callId: string) {
  return tx`(
    select json_build_object(
      'id', c.id, 'slug', c.slug, 'title', json_build_object('vi', c.title_vi, 'en', c.title_en),
      'programmeId', p.id, 'programmeName', json_build_object('vi', p.name_vi, 'en', p.name_en), 'orgId', p.org_id,
      'timeZone', c.time_zone, 'reviewsPerApplication', c.reviews_per_application, 'zMinReviews', c.z_min_reviews,
      'shortlistThreshold', c.shortlist_threshold, 'offerDays', c.offer_days, 'reviewDueAt', c.review_due_at,
      'tracks', coalesce((select json_agg(json_build_object('id', t.id, 'name', json_build_object('vi', t.name_vi, 'en', t.name_en))
                            order by t.position, t.name_en) from public.call_tracks t where t.call_id = c.id), '[]'))
      from public.calls c join public.programs p on p.id = c.program_id
     where c.id = ${callId} and public.manages_call(c.id))`;
}

/** What managedCallJson's column holds. */
export type ManagedCallJson = Omit<ManagedCall, "shortlistThreshold"> & { shortlistThreshold: number | string | null };

/** managedCall's answer from managedCallJson's column: the call, or NotFoundError when it is null. */
export function managedCallOf(call: ManagedCallJson | null): ManagedCall {
  if (!call) throw new NotFoundError();
  return { ...call, shortlistThreshold: call.shortlistThreshold == null ? null : Number(call.shortlistThreshold) };
}
