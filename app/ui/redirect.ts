/** A link to a page that sends the person on to `to` afterwards (sign-in, sign-up); the server checks `to` again. */
export function withRedirect(page: string, to: string | null | undefined) {
  return to && to.startsWith("/") && !to.startsWith("//") ? `${page}?redirectTo=${encodeURIComponent(to)}` : page;
}
