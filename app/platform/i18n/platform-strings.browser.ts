import type { en } from "./en";

// The browser starts with no strings: it fetches the viewer's language, platform's included, from
// the server (strings-client.ts), so neither dictionary is in the bundle.
export const platformStrings: { en?: typeof en; vi?: typeof en } = {};
