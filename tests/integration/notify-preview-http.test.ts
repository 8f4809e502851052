import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { decodeEntities, signIn, type AppServer } from "../support/http-client";

// The notify step over HTTP on the real server with the demo data: the demo manager rejects
// AgriLink's application, opens the notify page, and sees the mail its founder (English) will
// read as HTML, in a sandboxed frame titled in the manager's language; once sent, the outbox holds exactly that HTML.
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
  it("shows each mail's HTML in a sandboxed, titled frame with its text beside it, and sends exactly that HTML", async () => {
    const decided = await post(`/manage/calls/${CALL}/applications/${AGRILINK_APP}`, { intent: "decide", decision: "rejected", includeMessage: "on", confirmWarnings: "on" });
    expect(decided.status).toBe(200);

    const page = await (await fetch(`${app.baseUrl}/manage/calls/${CALL}/decisions/notify`, { headers: { cookie } })).text();
    const frames = [...page.matchAll(/<iframe\b[^>]*>/g)].map((m) => m[0]);
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    // No script runs in the mail, and it cannot reach this page: an empty sandbox.
    expect(frame).toMatch(/\ssandbox=""/);
    expect(decodeEntities(/\stitle="([^"]*)"/.exec(frame)![1]!)).toBe("Email gửi founder2@demo.binhduong.example, đúng như người nhận sẽ thấy");
    const shown = decodeEntities(/\ssrcDoc="([^"]*)"/i.exec(frame)![1]!);
    expect(shown).toContain("Thank you for applying. This time we could not select your startup.");
    expect(page).toContain("Bản văn bản thuần");

    const version = /name="version" value="([0-9a-f]{32})"/.exec(page)![1]!;
    const sent = await post(`/manage/calls/${CALL}/decisions/notify`, { intent: "notify", version });
    expect(sent.status).toBe(200);
    const rows = await db<{ html: string; locale: string }[]>`
      select html, locale from public.email_outbox where to_email = 'founder2@demo.binhduong.example' and template = 'application-decision'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.locale).toBe("en");
    expect(rows[0]!.html).toBe(shown);
  });
});
