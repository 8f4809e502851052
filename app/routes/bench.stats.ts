import { benchEnabled, statementsSoFar } from "~/platform/db/stats.server";

// SQL statements run so far by this server process, read by `npm run bench` around each page.
export function loader() {
  if (!benchEnabled()) return new Response("Not Found", { status: 404 });
  return Response.json({ statements: statementsSoFar() }, { headers: { "Cache-Control": "no-store" } });
}
