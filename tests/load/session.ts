/**
 * Signs in over HTTP as a browser would (form post with a same-origin Origin) and returns the
 * session cookie, after checking that it opens the person's home page.
 */
export async function signIn(baseUrl: string, email: string, password: string, expectName: string): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/sign-in`, {
    method: "POST",
    headers: { Origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("__session=") && c.length > "__session=".length);
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const home = await fetch(`${baseUrl}/`, { headers: { cookie } });
  const html = await home.text();
  if (!home.ok || !html.includes(expectName)) throw new Error(`signed in as ${email} but / does not greet ${expectName} (${home.status})`);
  return cookie;
}
