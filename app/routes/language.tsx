import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { setLocale } from "~/modules/identity/profile.server";
import { LocaleSchema } from "~/modules/identity/schema";
import { localeCookie } from "~/platform/auth/cookie.server";
import { safeRedirect } from "~/platform/auth/guards.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { readForm } from "~/platform/http/form.server";

// The language switch: remembered in this browser's cookie and, when signed in, on the profile.
export async function action({ request }: ActionFunctionArgs) {
  // The switch posts fixed values and has no page to show an error on: anything else, a refused
  // NUL byte included, leaves the language as it is.
  const form = await readForm(request).catch(() => new FormData());
  const parsed = LocaleSchema.safeParse(form.get("locale"));
  const to = safeRedirect(form.get("redirectTo"));
  if (!parsed.success) throw redirect(to);
  const viewer = await getViewer(request);
  if (viewer) await setLocale(viewer.claims, parsed.data);
  throw redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data) } });
}

export const loader = () => redirect("/");
