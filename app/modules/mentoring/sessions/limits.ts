// The session forms' limits, without zod: the panels show them (decision 008); schema.ts re-exports them.
export const NOTES_MAX = 10_000;
export const ITEM_MAX = 500;
export const COMMENT_MAX = 1000;
