import { redirect } from "@remix-run/node";
import { getViewer, type Viewer } from "./viewer.server";

/** The signed-in viewer, or a redirect to sign-in that comes back here afterwards. */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    throw redirect(`/auth/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return viewer;
}

export async function requireAnonymous(request: Request) {
  if (await getViewer(request)) throw redirect("/");
}

/**
 * Only same-site relative paths: never an open redirect. Browsers drop tabs and newlines from a
 * URL and read a backslash as a slash, so "/\t/evil.example" would be "//evil.example": refused.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || to.length > 2000 || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (to.startsWith("//")) return fallback;
  return to;
}
