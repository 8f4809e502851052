import { databaseAnswers } from "~/platform/db/health.server";
import { RETRY_AFTER_SECONDS } from "~/platform/http/outage.server";

// 200 only when the database answers; a load balancer takes the instance out otherwise.
export async function loader() {
  const ok = await databaseAnswers();
  return new Response(ok ? "ok" : "database unavailable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store", ...(ok ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }) },
  });
}
