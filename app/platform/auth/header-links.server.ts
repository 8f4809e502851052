import type postgres from "postgres";
import type { Statements } from "~/platform/db/transaction.server";

/** A header entry a capability offers some viewers: where it leads and its label's string key. */
export type HeaderLink = { href: string; label: string };

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * `href` is an SQL expression of the viewer's id giving the link's address, or null for viewers
 * who don't get the link. It runs inside the viewer's one statement, so a link costs no statement.
 */
type Registration = { label: string; href: (sql: Statements, userId: Fragment) => Fragment };

// Filled by the capabilities when the app is composed (app/header-links.server.ts), so the platform
// never names a capability's tables. Order of registration is the header's order.
const registrations: Registration[] = [];

export function registerHeaderLink(link: Registration) {
  if (registrations.some((r) => r.label === link.label)) throw new Error(`Header link "${link.label}" is registered twice`);
  registrations.push(link);
  ofViewerRow = null;
}

// The links' expression of the viewer query's user row (`u.id`), built once: it holds no parameter,
// and postgres.js only reads a fragment's strings and arguments when it writes a statement, so one
// fragment serves every request. Building it per request made 7 query objects a signed-in page (a
// Promise subclass each, ~3 µs apiece: decision 008, ninth pass). Built again if a link is registered.
let ofViewerRow: Fragment | null = null;

/** `headerLinkHrefs` of the user whose id is the SQL expression `u.id`, the same fragment every time. */
export function headerLinkHrefsOfUserRow(sql: Statements): Fragment {
  return (ofViewerRow ??= headerLinkHrefs(sql, sql`u.id`));
}

/** Every registered link's address for the user, as one SQL array expression (null where a link is not theirs). */
export function headerLinkHrefs(sql: Statements, userId: Fragment): Fragment {
  const hrefs = registrations.map((r) => sql`(${r.href(sql, userId)})::text`);
  if (hrefs.length === 0) return sql`array[]::text[]`;
  return sql`array[${hrefs.reduce((list, href) => sql`${list}, ${href}`)}]`;
}

/** The links the viewer gets, from what `headerLinkHrefs` returned. */
export const headerLinks = (hrefs: (string | null)[]): HeaderLink[] =>
  registrations.flatMap((r, i) => (hrefs[i] ? [{ href: hrefs[i], label: r.label }] : []));
