import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { RankingOrder, RankingQuery } from "./schema";
import { thinReviewCaution, type ThinReviewCaution } from "./thin-reviews";
import { managedCall, type ManagedCall } from "../managed-call.server";
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
export async function rankingPage(claims: Claims, callId: string, query: RankingQuery): Promise<RankingPage> {
  const id = requireId(callId);
  return asUser(claims, async (tx) => {
    // Sent together (one round trip): the page needs nothing of the call it could not read in SQL, and
    // ranking_page answers nothing to a viewer who does not manage the call, whom managedCall refuses.
    const [call, rows] = await Promise.all([managedCall(tx, id), rankingRows(tx, id, query)]);
    return { call, ...rankedRows(rows, call), page: query.page, pageSize: RANKING_PAGE_SIZE };
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
};

function rankingRows(tx: Tx, callId: string, q: RankingQuery) {
  const { track, stage, eligible, decision, undecided, minScore } = rankingFilters(q);
  return tx<StoredRow[]>`
    select id, code, startup, track_id as "trackId", track_vi as "trackVi", track_en as "trackEn",
           stage, eligible, decision, pending_decision as "pendingDecision", offer_expires_at as "offerExpiresAt",
           offer_response as "offerResponse", feedback_released as "feedbackReleased", reviews, normalised, pending, recused,
           abstained, raw_score as "rawScore", z_score as "zScore", rank, percentile, shortlisted, total
      from public.ranking_page(${callId}, ${q.sort}, ${q.dir === "desc"}, ${track}, ${stage}, ${eligible}, ${decision},
                               ${undecided}, ${minScore}, (select c.shortlist_threshold from public.calls c where c.id = ${callId}),
                               ${RANKING_PAGE_SIZE}, ${(q.page - 1) * RANKING_PAGE_SIZE})`;
}

function rankedRows(rows: StoredRow[], call: ManagedCall) {
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map(({ total: _total, trackId, trackVi, trackEn, ...r }) => ({
      ...r,
      track: trackId == null ? null : { vi: trackVi!, en: trackEn! },
      rawScore: r.rawScore == null ? null : Number(r.rawScore),
      zScore: r.zScore == null ? null : Number(r.zScore),
      percentile: Number(r.percentile),
      caution: thinReviewCaution(r, call),
    })),
  };
}
