// The expected access of every actor to every table and API function of schema public, as data.
// tests/integration/rls-matrix.test.ts reads the catalog at run time and holds the database to
// this folder (one file per capability, ./index.ts joins them): a table, a column or a function it
// does not list fails the suite with what to add.
//
// How to read an entry: `row` names one row of the world the test builds (see WORLD below), each
// column group lists columns and the actors who may `select` them on that row and `update` them
// (with the `set` clause given); `insert` tries the statement given; `delete` deletes the row.
// An actor "may" when the statement succeeds and touches the row; refused or zero rows otherwise.
// Each write runs in a savepoint that is rolled back, as the actor (role anon/authenticated with
// the claims a request carries), never as the superuser.
//
// Placeholders `:name` are ids of the world (WORLD), quoted by the test.

/**
 * The world: organisation A (an incubator) runs programme P and its published, open call C, blind
 * on 'organisation', with track T, questions Q (open), QB (blind), QF (file), criteria K and K2.
 * Startup S (founder) submitted application APP to C (an answer to Q, a deck on QF), reviewed by
 * assignedReviewer (a score on K), and keeps a draft DRAFT in the open call C2. Startup S2
 * (otherFounder) is in P's cohort. S claims an affiliation with A, not yet confirmed. Org B has
 * otherOrgMember (a manager). The mentor of A mentors S.
 */
export const ACTORS = [
  "anon",
  "stranger",
  "otherOrgMember",
  "manager",
  "reviewer",
  "assignedReviewer",
  "mentor",
  "researcher",
  "partner",
  "staff",
  "founder",
  "otherFounder",
  "admin",
] as const;
export type Actor = (typeof ACTORS)[number];

export const ACTOR_NOTES: Record<Actor, string> = {
  anon: "a visitor, not signed in (role anon)",
  stranger: "signed in, no relation to anything",
  otherOrgMember: "manager of organisation B",
  manager: "manager of organisation A, which runs the call",
  reviewer: "reviewer of A, not assigned to APP",
  assignedReviewer: "reviewer of A, assigned to APP (review submitted)",
  mentor: "mentor of A, mentors startup S",
  researcher: "researcher of A",
  partner: "partner of A",
  staff: "staff of A",
  founder: "founder of startup S",
  otherFounder: "founder of startup S2",
  admin: "platform administrator",
};

export const ALL: readonly Actor[] = ACTORS;
export const SIGNED_IN: readonly Actor[] = ACTORS.filter((a) => a !== "anon");
export const NOBODY: readonly Actor[] = [];
export const ORG_A: readonly Actor[] = ["manager", "reviewer", "assignedReviewer", "mentor", "researcher", "partner", "staff"];
// who runs an event of A: its managers and staff
export const EVENT_STAFF: readonly Actor[] = ["manager", "staff"];
// who sees a session of S2 with the mentor, and shares its notes: the mentor, S2's founder, P's managers, admins
export const SESSION_PEOPLE: readonly Actor[] = ["mentor", "otherFounder", "manager", "admin"];
// who sees the mentor's profile and availability: their organisation, the founders of the startup
// they mentor (S) and of P's cohort (S2), admins
export const MENTOR_SEERS: readonly Actor[] = [...ORG_A, "founder", "otherFounder", "admin"];

export type Group = { columns: string[]; select: readonly Actor[]; update: readonly Actor[]; set: string };
export type TableSpec = {
  table: string;
  row: string;
  groups: Record<string, Group>;
  insert: { sql: string; allow: readonly Actor[] };
  delete: readonly Actor[];
};

export type FunctionSpec = { call: string; learns: readonly Actor[] };
