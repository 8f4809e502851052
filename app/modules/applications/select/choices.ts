// The stages, decisions and bulk actions, without zod: the ranking, the decisions tab and the
// application page list them, and must not load zod for it (decision 008).
export const STAGES = ["screening", "review", "interview", "decision"] as const;
export const DECISIONS = ["accepted", "waitlisted", "rejected"] as const;
export type Stage = (typeof STAGES)[number];
export type Decision = (typeof DECISIONS)[number];

export const BULK_ACTIONS = [...STAGES.map((s) => `stage:${s}` as const), ...DECISIONS.map((d) => `decision:${d}` as const)];
