// The score form's field names and limits, without zod: the form renders them and must not load
// zod for it (decision 008); schema.ts re-exports them.
export const COMMENT_MAX = 4000;
export const OVERALL_MAX = 8000;
export const RECUSAL_MAX = 1000;

export type ScoredCriterion = { id: string; maxLevel: number; commentRequired: boolean };

export const levelField = (criterionId: string) => `level_${criterionId}`;
export const commentField = (criterionId: string) => `comment_${criterionId}`;
