import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { decodeEntities, signIn, type AppServer } from "../support/http-client";

// The notify step over HTTP on the real server with the demo data: the demo manager rejects
// AgriLink's application, opens the notify page, and sees the mail its founder (English) will
// read as HTML, in a sandboxed frame titled in the manager's language, loaded from the mail's own
// address (404 to anyone but the call's managers); once sent, the outbox holds exactly that HTML.
const CALL = "31000000-0000-4000-8000-000000000001";
const AGRILINK_APP = "35000000-0000-4000-8000-000000000001";
let app: AppServer;
let db: postgres.Sql;
let cookie: string;

beforeAll(async () => {
  app = await startAppServer(inject("pgAdminUrl"));
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  cookie = await signIn(app, "manager@demo.binhduong.example");
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl, cookie },
    body: new URLSearchParams(fields).toString(),
  });

describe("the notify step's preview over HTTP", () => {
  it("frames each mail from its own address (managers only), sandboxed and titled, with its text beside it, and sends exactly that HTML", async () => {
    const decided = await post(`/manage/calls/${CALL}/applications/${AGRILINK_APP}`, { intent: "decide", decision: "rejected", includeMessage: "on", confirmWarnings: "on" });
    expect(decided.status).toBe(200);

    const notifyPage = await fetch(`${app.baseUrl}/manage/calls/${CALL}/decisions/notify`, { headers: { cookie } });
    // The page itself may not be framed by anyone.
    expect(notifyPage.headers.get("x-frame-options")).toBe("DENY");
    const page = await notifyPage.text();
    const frames = [...page.matchAll(/<iframe\b[^>]*>/g)].map((m) => m[0]);
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    // No script runs in the mail, and it cannot reach this page: an empty sandbox. Its HTML is not
    // in the page: the frame loads it from its own address when it comes into view.
    expect(frame).toMatch(/\ssandbox=""/);
    expect(frame).toMatch(/\sloading="lazy"/);
    expect(frame).not.toMatch(/srcdoc/i);
    expect(decodeEntities(/\stitle="([^"]*)"/.exec(frame)![1]!)).toBe("Email gửi founder2@demo.binhduong.example, đúng như người nhận sẽ thấy");
    const src = decodeEntities(/\ssrc="([^"]*)"/.exec(frame)![1]!);
    expect(src).toMatch(new RegExp(`^/manage/calls/${CALL}/decisions/notify/${AGRILINK_APP}/[0-9a-f-]{36}$`));
    expect(page).not.toContain("Thank you for applying.");

    const preview = await fetch(`${app.baseUrl}${src}`, { headers: { cookie } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("text/html; charset=utf-8");
    // Framed by our own pages only; opened on its own, it still runs no script with our origin.
    expect(preview.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(preview.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(preview.headers.get("content-security-policy")).not.toContain("frame-ancestors 'none'");
    expect(preview.headers.get("content-security-policy")).toMatch(/(^|, |; )sandbox;/);
    const shown = await preview.text();
    expect(shown).toContain("Thank you for applying. This time we could not select your startup.");
    expect(page).toContain("Bản văn bản thuần");
    const text = await fetch(`${app.baseUrl}${src}?format=text`, { headers: { cookie } });
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await text.text()).toContain("Thank you for applying. This time we could not select your startup.");

    // Anyone but the call's managers gets 404, as for a mail that does not exist; so do malformed
    // ids and a founder of another startup. Signed out: to the sign-in page.
    for (const email of ["reviewer@demo.binhduong.example", "founder2@demo.binhduong.example"]) {
      const other = await signIn(app, email);
      expect((await fetch(`${app.baseUrl}${src}`, { headers: { cookie: other } })).status).toBe(404);
      expect((await fetch(`${app.baseUrl}${src}?format=text`, { headers: { cookie: other } })).status).toBe(404);
    }
    const base = `/manage/calls/${CALL}/decisions/notify`;
    for (const path of [`${base}/${AGRILINK_APP}/not-a-uuid`, `${base}/nonsense/${src.split("/").pop()}`, `/manage/calls/x/decisions/notify/${AGRILINK_APP}/${src.split("/").pop()}`]) {
      expect((await fetch(`${app.baseUrl}${path}`, { headers: { cookie } })).status).toBe(404);
    }
    const [otherFounder] = await db<{ id: string }[]>`
      select sm.user_id as id from public.startup_members sm join public.applications a on a.startup_id <> sm.startup_id
       where a.id = ${AGRILINK_APP} and sm.role = 'founder' limit 1`;
    expect((await fetch(`${app.baseUrl}${base}/${AGRILINK_APP}/${otherFounder!.id}`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${app.baseUrl}${src}`, { redirect: "manual" })).status).toBe(302);

    const version = /name="version" value="([0-9a-f]{32})"/.exec(page)![1]!;
    const sent = await post(`/manage/calls/${CALL}/decisions/notify`, { intent: "notify", version });
    expect(sent.status).toBe(200);
    const rows = await db<{ html: string; locale: string }[]>`
      select html, locale from public.email_outbox where to_email = 'founder2@demo.binhduong.example' and template = 'application-decision'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.locale).toBe("en");
    expect(rows[0]!.html).toBe(shown);
    // Sent: nothing pending, no preview.
    expect((await fetch(`${app.baseUrl}${src}`, { headers: { cookie } })).status).toBe(404);
  });
});
