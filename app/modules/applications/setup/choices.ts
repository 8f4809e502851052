// The set-up forms' choices and limits, without zod: the forms list them and must not load zod
// for it (decision 008); schema.ts re-exports them.
export const QUESTION_KINDS = ["text", "long_text", "choice", "multi_choice", "number", "file", "link"] as const;
export const CHOICE_KINDS = ["choice", "multi_choice"] as const;
export const BLIND_FIELDS = ["founders", "team", "organisation"] as const;
export const MAX_OPTIONS = 20;
/** A reviewer needs this many scored applications of a call before their scores are normalised. */
export const Z_MIN_REVIEWS_DEFAULT = 3;
