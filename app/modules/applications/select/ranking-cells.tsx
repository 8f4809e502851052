import { useTranslation } from "react-i18next";
import type { RankingRow } from "./ranking.server";

// The ranking's honest cells: what each total rests on (reviews that count, those that do not),
// and the thin-review caution next to the z-score, explained once above the table.

const LEGEND_ID = "thin-review-legend";

/** A row's fields the cells show. */
type CountsRow = Pick<RankingRow, "reviews" | "pending" | "recused" | "abstained" | "caution">;
/** The page's `t` for one render (`repeatedT`: each row's texts repeat), given by the table rather than asked per cell. */
type T = (key: string, values?: Record<string, unknown>) => string;

/** "2 of 3 reviews · 1 recused", then the caution's details when there is one. */
export function ReviewCounts({ row, need, t }: { row: CountsRow; need: number; t: T }) {
  const extra = (["pending", "recused", "abstained"] as const)
    .filter((k) => row[k] > 0)
    .map((k) => t(`select.reviewCounts.${k}`, { count: row[k] }));
  return (
    <>
      {[t("select.reviewCounts.of", { done: row.reviews, count: need }), ...extra].join(" · ")}
      {row.caution ? (
        <span className="caution-detail">
          {[
            row.caution.fewReviews ? t("select.thin.few", { ...row.caution.fewReviews }) : null,
            row.caution.unnormalised > 0 ? t("select.thin.unnormalised", { count: row.caution.unnormalised }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
      ) : null}
    </>
  );
}

/** The z-score, marked when it rests on few reviews. */
export function ZScore({ value, caution, t }: { value: number | null; caution: RankingRow["caution"]; t: T }) {
  return (
    <>
      {value == null ? t("select.common.none") : value.toFixed(3)}
      {caution ? (
        <span className="caution" aria-describedby={LEGEND_ID}>
          {" "}
          <span aria-hidden="true">⚠</span> {t("select.thin.marker")}
        </span>
      ) : null}
    </>
  );
}

/** Says what the marker means when the page shows one, and warns when the z-score order relies on one. */
export function ThinReviewLegend({ rows, call, sortedByZ }: { rows: Pick<RankingRow, "caution">[]; call: { reviewsPerApplication: number; zMinReviews: number }; sortedByZ: boolean }) {
  const { t } = useTranslation();
  const marked = rows.filter((r) => r.caution).length;
  if (marked === 0) return null;
  return (
    <>
      <p id={LEGEND_ID} className="hint">
        <span aria-hidden="true">⚠</span> {t("select.thin.legend", { n: call.reviewsPerApplication, min: call.zMinReviews })}
      </p>
      {sortedByZ ? (
        <p role="note" className="caution-note">
          {t("select.thin.sortedByZ", { count: marked })}
        </p>
      ) : null}
    </>
  );
}
