// How well a mentor fits a startup, as parts a manager can read ("expertise 30 of 50: marketing,
// sales"), summed into the score the cohort-wide assignment maximises. Whole points, so totals
// compare exactly. The weights say what matters most: covering the startup's needs.

export const STAGES = ["idea", "prototype", "mvp", "seed", "growth"] as const;
export type Stage = (typeof STAGES)[number];

export type MentorTraits = { expertise: readonly string[]; sectors: readonly string[]; languages: readonly string[]; stages: readonly Stage[] };
export type StartupTraits = { expertise: readonly string[]; sector: string; languages: readonly string[]; stage: Stage };

export type PartKey = "expertise" | "sector" | "language" | "stage";
/** One part of the score: points out of max, and what earned them (tags, sector, languages, stage). */
export type ScorePart = { key: PartKey; points: number; max: number; matched: string[] };
export type MatchScore = { total: number; parts: ScorePart[] };

export const WEIGHTS: Record<PartKey, number> = { expertise: 50, sector: 20, language: 20, stage: 10 };

const norm = (s: string) => s.trim().toLowerCase();

export function matchScore(mentor: MentorTraits, startup: StartupTraits): MatchScore {
  const offered = new Set(mentor.expertise);
  const needed = [...new Set(startup.expertise)];
  const covered = needed.filter((t) => offered.has(t));
  const expertise = needed.length === 0 ? 0 : Math.round((WEIGHTS.expertise * covered.length) / needed.length);

  const sectorMatch = startup.sector !== "" && mentor.sectors.some((s) => norm(s) === norm(startup.sector));
  const shared = startup.languages.filter((l) => mentor.languages.includes(l));
  // a mentor with no stated stages helps any stage, less surely than one who names it
  const stage = mentor.stages.includes(startup.stage) ? WEIGHTS.stage : mentor.stages.length === 0 ? WEIGHTS.stage / 2 : 0;

  const parts: ScorePart[] = [
    { key: "expertise", points: expertise, max: WEIGHTS.expertise, matched: covered },
    { key: "sector", points: sectorMatch ? WEIGHTS.sector : 0, max: WEIGHTS.sector, matched: sectorMatch ? [startup.sector] : [] },
    { key: "language", points: shared.length > 0 ? WEIGHTS.language : 0, max: WEIGHTS.language, matched: shared },
    { key: "stage", points: stage, max: WEIGHTS.stage, matched: stage === WEIGHTS.stage ? [startup.stage] : [] },
  ];
  return { total: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The score in the viewer's language: the total, then one line per part with what it matched. */
export function explainScore(score: MatchScore, t: Translate): string[] {
  return [
    t("mentoring.match.score.total", { points: score.total }),
    ...score.parts.map((p) => {
      const line = t("mentoring.match.score.part", { label: t(`mentoring.match.score.${p.key}`), points: p.points, max: p.max });
      return `${line} (${p.matched.length > 0 ? p.matched.join(", ") : t("mentoring.match.score.matchedNone")})`;
    }),
  ];
}
