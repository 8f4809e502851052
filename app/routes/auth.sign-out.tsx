import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/modules/identity/accounts.server";
import { cookieJar } from "~/platform/auth/cookie-jar.server";

// Sign-out is a POST only: a loader never changes state. The session in the cookies ends and the
// cookies are cleared, whichever provider holds it.
export async function action({ request }: ActionFunctionArgs) {
  const cookies = cookieJar(request);
  await signOut(cookies);
  throw redirect("/", { headers: cookies.headers });
}

export const loader = () => redirect("/");
