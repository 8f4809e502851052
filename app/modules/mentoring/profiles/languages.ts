// The languages a mentor or a startup may name, without zod: the forms list them (decision 008).
export const LANGUAGE_CODES = ["vi", "en", "nl", "fr", "de", "ja", "ko", "zh"] as const;
