import { benchEnabled, processUsage, statementsSoFar } from "~/platform/db/stats.server";
import { NotFoundError } from "~/platform/db/errors.server";

// SQL statements, CPU time and memory of this server process so far, read by `npm run bench` around each page.
export function loader() {
  if (!benchEnabled()) throw new NotFoundError();
  return Response.json({ statements: statementsSoFar(), ...processUsage() }, { headers: { "Cache-Control": "no-store" } });
}
