import { useTranslation } from "react-i18next";
import type { MatchScore } from "./score";

/** A match score as its parts, wherever a mentor is proposed: "Match score 75 of 100" and one line per part. */
export function ScoreParts({ score, tagName }: { score: MatchScore; tagName?: (slug: string) => string }) {
  const { t } = useTranslation();
  return (
    <details className="score">
      <summary>{t("mentoring.match.score.total", { points: score.total })}</summary>
      <ul>
        {score.parts.map((p) => (
          <li key={p.key}>
            {t("mentoring.match.score.part", { label: t(`mentoring.match.score.${p.key}`), points: p.points, max: p.max })} (
            {p.matched.length > 0 ? p.matched.map((m) => (p.key === "expertise" && tagName ? tagName(m) : m)).join(", ") : t("mentoring.match.score.matchedNone")})
          </li>
        ))}
      </ul>
    </details>
  );
}
