import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { RankingQuery } from "./schema";
import { thinReviewCaution, type ThinReviewCaution } from "./thin-reviews";
import { managedCall, type ManagedCall } from "../managed-call.server";
import type { Bilingual } from "~/platform/i18n/i18n";

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
 * One page of the call's ranking: `ranked_applications` (the ranking with each application's code,
 * startup, track, stage, eligibility and decision, checked once for the caller rather than per row),
 * filtered, sorted and paged in the database. One statement for the rows and their count (a
 * window), whatever the number of applications.
 */
export function rankingPage(claims: Claims, callId: string, query: RankingQuery): Promise<RankingPage> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const { rows, total } = await rankingRows(tx, call, query);
    return { call, rows, total, page: query.page, pageSize: RANKING_PAGE_SIZE };
  });
}

function orderBy(tx: Tx, sort: RankingQuery["sort"], dir: RankingQuery["dir"]) {
  const desc = dir === "desc";
  switch (sort) {
    case "raw":
      return desc ? tx`r.raw_score desc nulls last` : tx`r.raw_score asc nulls first`;
    case "z":
      return desc ? tx`r.z_score desc nulls last` : tx`r.z_score asc nulls first`;
    case "reviews":
      return desc ? tx`r.reviews desc` : tx`r.reviews asc`;
    case "startup":
      return desc ? tx`r.startup desc` : tx`r.startup asc`;
    case "code":
      return desc ? tx`r.code desc` : tx`r.code asc`;
    default:
      return desc ? tx`r.rank desc` : tx`r.rank asc`;
  }
}

async function rankingRows(tx: Tx, call: ManagedCall, q: RankingQuery) {
  const track = q.track || null;
  const stage = q.stage || null;
  const eligible = q.eligible === "yes" ? true : q.eligible === "no" ? false : null;
  const decision = q.decision && q.decision !== "none" ? q.decision : null;
  const undecided = q.decision === "none";
  // The page's rows first (ranked_applications: one check of the caller, no policy per row), then
  // for those rows only, the review counts the kept totals do not hold (ranking_review_counts: one
  // check too; read through the row policies they cost more than the ranking, decisions/ranking-speed.md).
  type Row = Omit<RankingRow, "rawScore" | "zScore" | "percentile" | "caution"> & { rawScore: string | null; zScore: string | null; percentile: string };
  const rows = await tx<(Row & { total: number; ord: string })[]>`
    with page as (
    select row_number() over (order by ${orderBy(tx, q.sort, q.dir)}, r.code) as ord,
           r.application_id as id, r.code, r.startup,
           case when r.track_id is null then null else json_build_object('vi', r.track_vi, 'en', r.track_en) end as track,
           r.stage, r.eligible, r.decision, p.decision as "pendingDecision", r.offer_expires_at as "offerExpiresAt", r.offer_response as "offerResponse",
           r.feedback_released as "feedbackReleased", r.reviews, r.raw_score as "rawScore", r.z_score as "zScore",
           r.rank, r.percentile,
           coalesce(r.raw_score >= ${call.shortlistThreshold}::numeric, false) as shortlisted,
           count(*) over ()::int as total
      from public.ranked_applications(${call.id}) r
      left join public.pending_decisions p on p.application_id = r.application_id and p.call_id = ${call.id}
     where (${track}::uuid is null or r.track_id = ${track})
       and (${stage}::public.app_stage is null or r.stage = ${stage})
       and (${eligible}::boolean is null or r.eligible is not distinct from ${eligible})
       and (${decision}::public.app_decision is null or coalesce(p.decision, r.decision) = ${decision})
       and (not ${undecided} or coalesce(p.decision, r.decision) is null)
       and (${q.minScore ?? null}::numeric is null or r.raw_score >= ${q.minScore ?? null})
     order by ${orderBy(tx, q.sort, q.dir)}, r.code
     limit ${RANKING_PAGE_SIZE} offset ${(q.page - 1) * RANKING_PAGE_SIZE}
    )
    select page.*, coalesce(w.normalised, 0) as normalised,
           coalesce(w.pending, 0) as pending, coalesce(w.recused, 0) as recused, coalesce(w.abstained, 0) as abstained
      from page
      left join public.ranking_review_counts(${call.id}, array(select id from page)) w on w.application_id = page.id
     order by page.ord`;
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map(({ total: _total, ord: _ord, ...r }) => ({
      ...r,
      rawScore: r.rawScore == null ? null : Number(r.rawScore),
      zScore: r.zScore == null ? null : Number(r.zScore),
      percentile: Number(r.percentile),
      caution: thinReviewCaution(r, call),
    })),
  };
}
