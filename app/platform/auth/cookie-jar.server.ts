import { parseCookieHeader, serializeCookieHeader, type CookieOptions } from "@supabase/ssr";

/**
 * The cookies a request brought in and the Set-Cookie headers its response must carry. Routes
 * make one from the Request and hand it to account flows, so modules never read the Request and
 * either auth provider can read and write its session cookies.
 */
export class CookieJar {
  private readonly values = new Map<string, string>();
  /** Set-Cookie (and, for Supabase sessions, no-store cache) headers for the response. */
  readonly headers = new Headers();

  constructor(cookieHeader: string | null = null) {
    for (const { name, value } of parseCookieHeader(cookieHeader ?? "")) {
      if (value !== undefined) this.values.set(name, value);
    }
  }

  getAll(): { name: string; value: string }[] {
    return [...this.values].map(([name, value]) => ({ name, value }));
  }

  /** Sets or, with an empty value or maxAge 0, removes a cookie, here and in the response. */
  set(name: string, value: string, options: CookieOptions) {
    if (value === "" || options.maxAge === 0) this.values.delete(name);
    else this.values.set(name, value);
    this.headers.append("Set-Cookie", serializeCookieHeader(name, value, options));
  }

  /** A Set-Cookie value serialised elsewhere (the local provider's signed session cookie). */
  append(setCookie: string) {
    this.headers.append("Set-Cookie", setCookie);
  }

  /** The Cookie header as it stands after what was set: what the next request will send. */
  header(): string {
    return this.getAll()
      .map(({ name, value }) => `${name}=${encodeURIComponent(value)}`)
      .join("; ");
  }
}

export const cookieJar = (request?: Request) => new CookieJar(request?.headers.get("Cookie") ?? null);
