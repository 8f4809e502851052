import { benchEnabled } from "~/platform/db/stats.server";
import { NotFoundError } from "~/platform/db/errors.server";

// The floor `npm run bench` compares every page with: the HTTP stack and Remix, no database.
export function loader() {
  if (!benchEnabled()) throw new NotFoundError();
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
