// The answer form's field names, without zod: the form renders them and must not load zod for it
// (decision 008); schema.ts re-exports them.
export const DECK_MAX_BYTES = 10 * 1024 * 1024;

/** The form field of a question: no dots or brackets, so react-hook-form keeps it flat. */
export const fieldName = (q: { id: string }) => `q_${q.id.replace(/-/g, "")}`;

export type AnswerValue = string | number | string[];
