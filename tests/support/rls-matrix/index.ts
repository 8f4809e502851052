// The expected access of every actor to every table and API function of schema public, one file per
// capability; how to read an entry, the actors and the world they act in: ./actors.ts.

import * as platform from "./platform";
import * as events from "./events";
import * as spaces from "./spaces";
import * as applications from "./applications";
import * as applicationsReview from "./applications-review";
import * as mentoring from "./mentoring";
import * as payments from "./payments";
import type { FunctionSpec, TableSpec } from "./actors";

export { ACTORS, ACTOR_NOTES, type Actor, type FunctionSpec, type Group, type TableSpec } from "./actors";

/** Every table entry, in the order the matrix runs them. */
export const TABLES: Record<string, TableSpec> = {
  ...platform.TABLES,
  ...events.TABLES,
  ...spaces.TABLES,
  ...applications.TABLES,
  ...applicationsReview.TABLES,
  ...mentoring.TABLES,
  ...payments.TABLES,
};

/**
 * Every function that anon or authenticated may execute: the call tried (`:name` placeholders as in
 * ./actors.ts) and the actors who learn something from it. An actor "learns" when the call succeeds and
 * returns a row holding a value other than null, false or an empty list; anyone else must be
 * refused or get nothing. Calls with effects run in a rolled-back savepoint.
 */
export const FUNCTIONS: Record<string, FunctionSpec> = {
  ...platform.FUNCTIONS,
  ...events.FUNCTIONS,
  ...applicationsReview.FUNCTIONS,
  ...mentoring.FUNCTIONS,
};
