// The thin-review rule (decisions/thin-reviews.md), as a pure decision the ranking page and its
// tests share: an application's totals deserve a caution when they rest on fewer submitted reviews
// than the call asks for, or on reviews whose reviewer scored too few applications of the call to
// be normalised (no z-score: the database leaves it null, see 20261201200000_thin_reviews.sql).

export type ThinReviewCaution = {
  /** Submitted reviews, when fewer than the call asks for; null when enough. */
  fewReviews: { have: number; need: number } | null;
  /** Submitted reviews without a z-score (their reviewer is below the call's minimum). */
  unnormalised: number;
};

export function thinReviewCaution(
  row: { reviews: number; normalised: number },
  call: { reviewsPerApplication: number },
): ThinReviewCaution | null {
  const fewReviews = row.reviews < call.reviewsPerApplication ? { have: row.reviews, need: call.reviewsPerApplication } : null;
  const unnormalised = Math.max(0, row.reviews - row.normalised);
  return fewReviews || unnormalised > 0 ? { fewReviews, unnormalised } : null;
}
