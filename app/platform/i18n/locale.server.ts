import { localeCookie } from "~/platform/auth/cookie.server";
import type { Viewer } from "~/platform/auth/viewer.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./i18n";

/** The signed-in person's saved choice, else this browser's, else what the browser asks for. */
export async function resolveLocale(request: Request, viewer: Viewer | null): Promise<Locale> {
  if (viewer) return viewer.locale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return fromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}

export function fromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale);
}
