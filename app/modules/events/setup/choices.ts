// The event forms' choices and limits, without zod: the forms and routes show them and must not
// load zod for it (decision 008); schema.ts re-exports them.
export const EVENT_KINDS = ["forum", "tech_fair", "workshop", "demo_day"] as const;
/** A cover image is at most 2 MB (the platform's image message says so). */
export const COVER_MAX_BYTES = 2 * 1024 * 1024;
/** The longest an event may run: a forum of several days, not a season. */
export const MAX_EVENT_DAYS = 14;
export const MAX_SESSION_SPEAKERS = 20;
