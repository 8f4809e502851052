import { benchEnabled } from "~/platform/db/stats.server";

// The floor `npm run bench` compares every page with: the HTTP stack and Remix, no database.
export function loader() {
  if (!benchEnabled()) return new Response("Not Found", { status: 404 });
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
