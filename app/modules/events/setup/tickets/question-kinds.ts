// The kinds of a registration question, without zod: the question form lists them (decision 008).
export const QUESTION_KINDS = ["text", "long_text", "choice", "yes_no"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
