import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { RankingOrder, RankingQuery } from "./schema";
import { thinReviewCaution, type ThinReviewCaution } from "./thin-reviews";
import { managedCallJson, managedCallOf, type ManagedCall, type ManagedCallJson } from "../managed-call.server";
import type { Bilingual } from "~/platform/i18n/i18n";
import { requireId } from "~/platform/ids.server";

export const RANKING_PAGE_SIZE = 50;

export type RankingRow = {
  id: string;
  code: string;
  startup: string;
  track: Bilingual | null;
  stage: "screening" | "review" | "interview" | "decision";
  eligible: boolean | null;
  decision: "accepted" | "waitlisted" | "rejected" | null;
  /** A decision made but not yet sent to the founders (they still see `decision`). */
  pendingDecision: "accepted" | "waitlisted" | "rejected" | null;
  offerExpiresAt: string | null;
  offerResponse: "confirmed" | "declined" | "lapsed" | null;
  feedbackReleased: boolean;
  /** Submitted reviews: the ones the totals count. */
  reviews: number;
  /** Of those, the reviews whose reviewer is normalised (has a z-score, see decisions/thin-reviews.md). */
  normalised: number;
  /** Assigned and not yet scored. */
  pending: number;
  /** Withdrawn from the count: never scored, replaced by the next automatic assignment. */
  recused: number;
  abstained: number;
  rawScore: number | null;
  zScore: number | null;
  rank: number;
  percentile: number;
  shortlisted: boolean;
  /** Why the totals deserve a second look before they are trusted; null when they rest on enough reviews. */
  caution: ThinReviewCaution | null;
};

export type RankingPage = { call: ManagedCall; rows: RankingRow[]; total: number; page: number; pageSize: number };

/**
 * One page of the call's ranking: `ranking_page` reads it from the call's stored ranking (ranked
 * again only after a change, see decisions/ranking-speed.md) through the index of the chosen sort,
 * with each row's live facts (track, stage, eligibility, decisions, offer, feedback) and the count of
 * all matching rows, after one check of the caller. One statement, whatever the number of applications.
 */
export async function rankingPage(claims: Claims, callId: string, query: RankingQuery, alongside?: (tx: Tx) => void): Promise<RankingPage> {
  const id = requireId(callId);
  return asUser(claims, async (tx) => {
    alongside?.(tx); // e.g. the call layout's heading, in this transaction
    // managedCall's read and the page's in one statement: ranking_page runs only for a viewer who
    // manages the call (the call's JSON is null for anyone else, whom managedCallOf refuses).
    const rows = await rankingRows(tx, id, query);
    const call = managedCallOf(rows[0]?.call ?? null);
    return { call, ...rankedRows(rows[0]?.id == null ? [] : rows, call), page: query.page, pageSize: RANKING_PAGE_SIZE };
  });
}

/** The ranking's filters as ranking_page() and ranking_neighbours() take them. */
export function rankingFilters(q: RankingOrder) {
  return {
    track: q.track || null,
    stage: q.stage || null,
    eligible: q.eligible === "yes" ? true : q.eligible === "no" ? false : null,
    decision: q.decision && q.decision !== "none" ? q.decision : null,
    undecided: q.decision === "none",
    minScore: q.minScore ?? null,
  };
}

type StoredRow = Omit<RankingRow, "rawScore" | "zScore" | "percentile" | "caution" | "track"> & {
  trackId: string | null;
  trackVi: string | null;
  trackEn: string | null;
  rawScore: string | null;
  zScore: string | null;
  percentile: string;
  total: number;
  /** managedCall's JSON, on the first row only (null on the others, and for a viewer who does not manage the call). */
  call: ManagedCallJson | null;
};

function rankingRows(tx: Tx, callId: string, q: RankingQuery) {
  const { track, stage, eligible, decision, undecided, minScore } = rankingFilters(q);
  // One row at least (the call's, with null facts when the page is empty); the call's JSON rides on the first row only.
  return tx<StoredRow[]>`
    select case when r.ordinality is null or r.ordinality = 1 then m.call end as call,
           r.id, r.code, r.startup, r.track_id as "trackId", r.track_vi as "trackVi", r.track_en as "trackEn",
           r.stage, r.eligible, r.decision, r.pending_decision as "pendingDecision", r.offer_expires_at as "offerExpiresAt",
           r.offer_response as "offerResponse", r.feedback_released as "feedbackReleased", r.reviews, r.normalised, r.pending, r.recused,
           r.abstained, r.raw_score as "rawScore", r.z_score as "zScore", r.rank, r.percentile, r.shortlisted, r.total
      from (select ${managedCallJson(tx, callId)} as call) m
      left join lateral public.ranking_page(${callId}, ${q.sort}, ${q.dir === "desc"}, ${track}, ${stage}, ${eligible}, ${decision},
                               ${undecided}, ${minScore}, (select c.shortlist_threshold from public.calls c where c.id = ${callId}),
                               ${RANKING_PAGE_SIZE}, ${(q.page - 1) * RANKING_PAGE_SIZE}) with ordinality r on m.call is not null
     order by r.ordinality`;
}

function rankedRows(rows: StoredRow[], call: ManagedCall) {
  // Each row written out key by key: an object rest over the driver's rows (`{ total, call, …, ...r }`)
  // took V8's generic copy and was the ranking loader's largest item in a CPU profile (decision 008, ninth pass).
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map(
      (r): RankingRow => ({
        id: r.id,
        code: r.code,
        startup: r.startup,
        stage: r.stage,
        eligible: r.eligible,
        decision: r.decision,
        pendingDecision: r.pendingDecision,
        offerExpiresAt: r.offerExpiresAt,
        offerResponse: r.offerResponse,
        feedbackReleased: r.feedbackReleased,
        reviews: r.reviews,
        normalised: r.normalised,
        pending: r.pending,
        recused: r.recused,
        abstained: r.abstained,
        rank: r.rank,
        shortlisted: r.shortlisted,
        track: r.trackId == null ? null : { vi: r.trackVi!, en: r.trackEn! },
        rawScore: r.rawScore == null ? null : Number(r.rawScore),
        zScore: r.zScore == null ? null : Number(r.zScore),
        percentile: Number(r.percentile),
        caution: thinReviewCaution(r, call),
      }),
    ),
  };
}
