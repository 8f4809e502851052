import contentDisposition from "content-disposition";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localeCookie } from "~/platform/auth/cookie.server";
import { startAppServer } from "../support/app-server";
import { decodeEntities, fingerprint, formFields, post, signIn, type AppServer } from "../support/http-client";

// Bad bytes and odd ids over HTTP, on the real server with the demo data (its people read
// Vietnamese; strangers send the Vietnamese language cookie).
const CALL = "31000000-0000-4000-8000-000000000001";
const PROGRAMME = "30000000-0000-4000-8000-000000000001";
const AGRILINK_APP = "35000000-0000-4000-8000-000000000001";
const SMARTWATER = "20000000-0000-4000-8000-000000000001";
const DECK_FIELD = "q_33000000000040008000000000000007";
const BAD_INPUT_VI = "Hãy quay lại, kiểm tra thông tin đã nhập và thử lại.";
const DECK_TOO_BIG_VI = "Bài thuyết trình phải nhỏ hơn hoặc bằng 10 MB.";

let app: AppServer;
let db: postgres.Sql;
let vietnamese: string;
const cookies: Record<string, string> = {};
let draft: string; // the demo founder's draft in the demo call

beforeAll(async () => {
  app = await startAppServer(inject("pgAdminUrl"));
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  vietnamese = (await localeCookie.serialize("vi")).split(";")[0]!;
  for (const who of ["founder", "manager", "reviewer", "admin"]) cookies[who] = await signIn(app, `${who}@demo.binhduong.example`);
  const started = await post(app, "/calls/smart-city-2027/apply", new URLSearchParams({ startupId: SMARTWATER }), { cookie: cookies.founder! });
  draft = /\/applications\/([0-9a-f-]{36})\/edit/.exec(started.headers.get("location") ?? "")![1]!;
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const get = (path: string, cookie: string) => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: { cookie } });

/** Every form on a page, posted as its browser would, with a NUL byte in every field. */
async function postNulEverywhere(path: string, cookie: string) {
  const page = await get(path, cookie);
  expect(page.status, `GET ${path}`).toBe(200);
  const html = await page.text();
  const { names, intents } = formFields(html);
  const multipart = html.includes('enctype="multipart/form-data"');
  const answers = [];
  for (const intent of intents.length ? intents : [null]) {
    const fields: [string, string][] = names.filter((n) => n !== "intent").map((n) => [n, "Bình\u0000Dương"]);
    if (intent) fields.push(["intent", intent]);
    let body: URLSearchParams | FormData;
    if (multipart) {
      body = new FormData();
      for (const [n, v] of fields) body.append(n, v);
    } else {
      body = new URLSearchParams(fields);
    }
    const res = await post(app, path, body, { cookie });
    answers.push({ path, intent, status: res.status, text: decodeEntities(await res.text()) });
  }
  return answers;
}

describe("a NUL byte in a form", () => {
  it("is refused on every form with a 400 in the person's language, and nothing is written", async () => {
    const forms: [string, string][] = [
      ["/auth/sign-up", vietnamese],
      ["/auth/sign-in", vietnamese],
      ["/auth/forgot", vietnamese],
      ["/auth/reset?token=abc", vietnamese],
      ["/auth/verify?token=abc", vietnamese],
      ["/account/profile", cookies.founder!],
      ["/account/password", cookies.founder!],
      ["/startups/new", cookies.founder!],
      ["/startups/smartwater-bd", cookies.founder!],
      ["/calls/smart-city-2027/apply", cookies.founder!],
      [`/applications/${draft}/edit?step=1`, cookies.founder!],
      ["/manage/programmes/new", cookies.manager!],
      [`/manage/programmes/${PROGRAMME}`, cookies.manager!],
      [`/manage/programmes/${PROGRAMME}/calls/new`, cookies.manager!],
      [`/manage/calls/${CALL}/settings`, cookies.manager!],
      [`/manage/calls/${CALL}/form`, cookies.manager!],
      [`/manage/calls/${CALL}/rubric`, cookies.manager!],
      [`/manage/calls/${CALL}/decisions`, cookies.manager!],
      [`/manage/calls/${CALL}/reviewers`, cookies.manager!],
      [`/manage/calls/${CALL}/ranking`, cookies.manager!],
      ["/orgs/bd-incubator", cookies.manager!],
      [`/review/${AGRILINK_APP}`, cookies.reviewer!],
      ["/admin/mail", cookies.admin!],
    ];
    const before = await fingerprint(db);
    const answers = [];
    for (const [path, cookie] of forms) answers.push(...(await postNulEverywhere(path, cookie)));
    const wrong = answers.filter((a) => a.status !== 400 || !a.text.includes(BAD_INPUT_VI)).map(({ path, intent, status }) => ({ path, intent, status }));
    expect(wrong).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(30);
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("bad bytes and odd ids in the URL", () => {
  it("answers a NUL byte in a path or a query with a 400 in the person's language", async () => {
    for (const [path, cookie] of [
      ["/startups/%00", vietnamese],
      ["/orgs/%00", vietnamese],
      ["/calls/%00", vietnamese],
      ["/calls/%00/apply", cookies.founder!],
      ["/invitations/%00", cookies.founder!],
      ["/startup-invitations/a%00b", cookies.founder!],
      ["/orgs?q=%00", vietnamese],
      [`/applications/${draft}/edit?step=%00`, cookies.founder!],
      [`/review/${AGRILINK_APP}?round=%00`, cookies.reviewer!],
    ] as const) {
      const res = await get(path, cookie);
      expect(res.status, path).toBe(400);
      expect(decodeEntities(await res.text()), path).toContain(BAD_INPUT_VI);
    }
    const posted = await post(app, "/startups/%00", new URLSearchParams({ intent: "invite", email: "a@example.test" }), { cookie: cookies.founder! });
    expect(posted.status).toBe(400);
  });

  it("answers an id that is not a UUID with 404, however close it comes", async () => {
    const ids = ["------------------------------------", "31000000-0000-4000-8000-00000000000g", "31000000-0000-0000-0000-000000000001", `${CALL}0`, "%7B" + CALL + "%7D"];
    for (const id of ids) {
      for (const [path, cookie] of [
        [`/files/avatars/${id}`, cookies.founder!],
        [`/manage/calls/${id}`, cookies.manager!],
        [`/manage/programmes/${id}`, cookies.manager!],
        [`/review/${id}`, cookies.reviewer!],
        [`/applications/${id}`, cookies.founder!],
        [`/applications/${id}/files/${id}`, cookies.founder!],
      ] as const) {
        expect((await get(path, cookie)).status, path).toBe(404);
      }
    }
    const retry = await post(app, "/admin/mail", new URLSearchParams({ id: "------------------------------------" }), { cookie: cookies.admin! });
    expect(retry.status).toBe(400);
    expect(decodeEntities(await retry.text())).toContain(BAD_INPUT_VI);
  });
});

describe("the pitch deck upload", () => {
  const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  const deckForm = (name: string, bytes: Uint8Array<ArrayBuffer>) => {
    const form = new FormData();
    form.append("step", "3");
    form.append(DECK_FIELD, new File([bytes], name, { type: "application/pdf" }));
    return form;
  };

  it("accepts a PDF whose name holds = and ;, and serves it under that name", async () => {
    const name = "pitch=v2;final (Bình Dương).pdf";
    const res = await post(app, `/applications/${draft}/edit?step=3`, deckForm(name, pdf), { cookie: cookies.founder! });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("step=review");
    const [file] = await db<{ id: string; original_name: string }[]>`select id, original_name from public.application_files where application_id = ${draft}`;
    expect(file!.original_name).toBe(name);
    const served = await get(`/applications/${draft}/files/${file!.id}`, cookies.founder!);
    expect(served.status).toBe(200);
    // a browser reads the name from the header: the exact name, not cut at = or ;
    const disposition = contentDisposition.parse(served.headers.get("content-disposition")!);
    expect(disposition.type).toBe("inline");
    expect(disposition.parameters.filename).toBe(name);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(pdf);
  });

  it("answers a deck over 10 MB (under the 12 MB body cap) with its message every time, never a reset", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 512 * 1024);
    big.set(pdf);
    const before = await fingerprint(db);
    for (let i = 0; i < 12; i++) {
      const res = await post(app, `/applications/${draft}/edit?step=3`, deckForm("big.pdf", big), { cookie: cookies.founder! });
      expect(res.status).toBe(400);
      expect(decodeEntities(await res.text())).toContain(DECK_TOO_BIG_VI);
      // Signed out, the answer is the way to sign in, also before the body is read.
      const anonymous = await post(app, `/applications/${draft}/edit?step=3`, deckForm("big.pdf", big));
      expect(anonymous.status).toBe(302);
    }
    expect(await fingerprint(db)).toEqual(before);
  });
});
