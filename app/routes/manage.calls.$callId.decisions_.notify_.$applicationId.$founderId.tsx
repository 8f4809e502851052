import type { LoaderFunctionArgs } from "@remix-run/node";
import { pendingMail } from "~/modules/applications/select/notify.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { frameableBySite } from "~/platform/http/security.server";

// One pending decision's mail to one founder, as the outbox will hold it: the notify page frames it
// (lazily), so that page stays small whatever the cohort. The call's managers only; 404 to others.
// `?format=text` gives the plain-text version.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const mail = await pendingMail(viewer.claims, params.callId ?? "", params.applicationId ?? "", params.founderId ?? "");
  const text = new URL(request.url).searchParams.get("format") === "text";
  return new Response(text ? mail.text : mail.html, {
    headers: {
      "Content-Type": `${text ? "text/plain" : "text/html"}; charset=utf-8`,
      "Content-Language": mail.locale,
      "Cache-Control": "private, no-store",
      // Whoever opens it, the mail runs no script and has no origin of ours; only our pages frame it.
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:",
      ...frameableBySite,
    },
  });
}
