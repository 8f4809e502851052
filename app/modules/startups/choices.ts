// The startup form's stages and logo limit, without zod: the form renders them and must not load
// zod for it (decision 008); schema.ts re-exports them.
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const STAGES = ["idea", "prototype", "mvp", "seed", "growth"] as const;
