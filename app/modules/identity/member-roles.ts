// The roles an organisation's member can hold, without zod: the organisation page lists them (decision 008).
export const MEMBER_ROLES = ["manager", "reviewer", "mentor", "researcher", "partner", "staff"] as const;
