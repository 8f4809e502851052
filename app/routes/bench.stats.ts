import { benchEnabled, statementsSoFar } from "~/platform/db/stats.server";
import { NotFoundError } from "~/platform/db/errors.server";

// SQL statements run so far by this server process, read by `npm run bench` around each page.
export function loader() {
  if (!benchEnabled()) throw new NotFoundError();
  return Response.json({ statements: statementsSoFar() }, { headers: { "Cache-Control": "no-store" } });
}
