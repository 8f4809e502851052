import { en } from "./en";
import { vi } from "./vi";

// The platform's own strings, both languages: what servers, jobs and tests start from (i18n.ts).
export const platformStrings = { en, vi };
