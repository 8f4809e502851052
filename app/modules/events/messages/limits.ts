// The message form's limits, without zod: the form shows them (decision 008); schema.ts re-exports them.
export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;
