import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { createEvent, createTicketType } from "../support/event-factories";
import { createOrg, createUser, type TestUser } from "../support/factories";
import { decodeEntities, post, signIn, type AppServer } from "../support/http-client";

// The event page sends its texts in the viewer's language only (decision 008, eighth pass, member):
// the document and the loader's data hold one language, and a switch of language gives the other,
// for a visitor (the language cookie) and a signed-in person (their profile).
let app: AppServer;
let event: { id: string; slug: string };
let person: TestUser;

beforeAll(async () => {
  const org = await createOrg();
  event = await createEvent(org.id);
  await createTicketType(event.id, { name: "Early" }); // "Vé Early" / "Early ticket"
  person = await createUser({ locale: "en" });
  app = await startAppServer(inject("pgAdminUrl"), { SEED: "false" }, process.env.DATABASE_URL);
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const texts = () => ({ vi: [`Diễn đàn ${event.slug}`, "Vé Early", "Tóm tắt"], en: [`Forum ${event.slug}`, "Early ticket", "Summary"] });
const page = async (path: string, headers: Record<string, string>) => {
  const res = await fetch(`${app.baseUrl}${path}`, { headers, redirect: "manual" });
  expect(res.status).toBe(200);
  return decodeEntities(await res.text());
};
/** The document and its data request hold `locale`'s texts of the event and none of the other's. */
async function inLanguage(locale: "vi" | "en", headers: Record<string, string>) {
  const other = locale === "vi" ? "en" : "vi";
  for (const path of [`/events/${event.slug}`, `/events/${event.slug}.data`]) {
    const body = await page(path, headers);
    for (const t of texts()[locale]) expect(body, `${path} in ${locale}`).toContain(t);
    for (const t of texts()[other]) expect(body, `${path} in ${locale}`).not.toContain(t);
  }
}
const switchTo = async (locale: "vi" | "en", cookie?: string) => {
  const res = await post(app, "/language", new URLSearchParams({ locale, redirectTo: `/events/${event.slug}` }).toString(), {
    "content-type": "application/x-www-form-urlencoded",
    ...(cookie ? { cookie } : {}),
  });
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0]!;
};

describe("the event page's texts", () => {
  it("are a visitor's language only, and the other after a switch", async () => {
    await inLanguage("vi", { "accept-language": "vi-VN,vi;q=0.9" });
    await inLanguage("en", { "accept-language": "en-GB,en;q=0.9" });
    const lang = await switchTo("vi");
    await inLanguage("vi", { "accept-language": "en-GB", cookie: lang });
  });

  it("are a signed-in person's language only, and the other after a switch", async () => {
    const session = await signIn(app, person.email, person.password);
    await inLanguage("en", { cookie: session, "accept-language": "vi" });
    const lang = await switchTo("vi", session);
    await inLanguage("vi", { cookie: `${session}; ${lang}`, "accept-language": "en" });
  });
});
