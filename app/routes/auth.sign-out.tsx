import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/modules/identity/accounts.server";
import { endSessionCookie } from "~/platform/auth/session.server";
import { getViewer } from "~/platform/auth/viewer.server";

// Sign-out is a POST only: a loader never changes state.
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) await signOut(viewer.claims.session_id);
  throw redirect("/", { headers: { "Set-Cookie": await endSessionCookie() } });
}

export const loader = () => redirect("/");
