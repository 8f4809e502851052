import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server";

// Profile editing over HTTP against the real server: photo checked by content, size-capped,
// served only to people allowed to see the profile.
let app: Awaited<ReturnType<typeof startAppServer>>;
let db: postgres.Sql;

beforeAll(async () => {
  app = await startAppServer(inject("pgAdminUrl"));
  db = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function signIn(email: string) {
  const res = await fetch(`${app.baseUrl}/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl },
    body: new URLSearchParams({ email, password: "demo-password-2026" }),
  });
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

function profileForm(photo?: { bytes: Buffer; name: string; type: string }, overrides: Record<string, string> = {}) {
  const form = new FormData();
  const fields = { displayName: "Ngô Gia Huy", locale: "en", timeZone: "Asia/Ho_Chi_Minh", bio: "Founder of SmartWater", ...overrides };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("languages", "vi");
  form.append("languages", "en");
  if (photo) form.append("photo", new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
  return form;
}

const save = (cookie: string, form: FormData) =>
  fetch(`${app.baseUrl}/account/profile`, { method: "POST", headers: { cookie, origin: app.baseUrl }, body: form });

describe("profile", () => {
  it("saves name, languages, zone, bio and a photo that only permitted people can fetch", async () => {
    const founder = await signIn("founder@demo.binhduong.example");
    const res = await save(founder, profileForm({ bytes: PNG, name: "me.png", type: "image/png" }));
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Your profile was saved.");
    const [profile] = await db`select p.id, display_name, languages, locale, bio, avatar_path from public.profiles p
                               join auth.users u on u.id = p.id where u.email = 'founder@demo.binhduong.example'`;
    expect(profile).toMatchObject({ display_name: "Ngô Gia Huy", languages: ["vi", "en"], locale: "en", bio: "Founder of SmartWater" });
    expect(profile!.avatar_path).toMatch(/^avatars\/[0-9a-f-]{36}\.png$/);

    const own = await fetch(`${app.baseUrl}/files/avatars/${profile!.id}`, { headers: { cookie: founder } });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/png");
    // Someone who shares no organisation or startup with the founder gets 404, as does a visitor.
    const stranger = await signIn("partner@demo.binhduong.example");
    expect((await fetch(`${app.baseUrl}/files/avatars/${profile!.id}`, { headers: { cookie: stranger } })).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/files/avatars/${profile!.id}`, { redirect: "manual" })).status).toBe(302);
  });

  it("refuses a file that is not an image whatever its name, and an oversize photo, keeping what was saved", async () => {
    const founder = await signIn("founder2@demo.binhduong.example");
    const fake = await save(founder, profileForm({ bytes: Buffer.from("#!/bin/sh\necho pwned\n"), name: "photo.png", type: "image/png" }, { displayName: "Changed" }));
    expect(fake.status).toBe(400);
    expect(await fake.text()).toMatch(/The photo must be a JPEG, PNG or WebP image|Ảnh phải có định dạng JPEG, PNG hoặc WebP/);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 10)]);
    const tooBig = await save(founder, profileForm({ bytes: big, name: "big.png", type: "image/png" }, { displayName: "Changed" }));
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toMatch(/2 MB/);
    const [profile] = await db`select display_name, avatar_path from public.profiles p join auth.users u on u.id = p.id
                               where u.email = 'founder2@demo.binhduong.example'`;
    expect(profile).toMatchObject({ display_name: "Bùi Ngọc Anh", avatar_path: null });
  });

  it("refuses an unknown time zone and no language with field messages", async () => {
    const founder = await signIn("staff@demo.binhduong.example");
    const form = profileForm(undefined, { timeZone: "Mars/Olympus" });
    form.delete("languages");
    const res = await save(founder, form);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Hãy chọn một múi giờ trong danh sách.");
    expect(html).toContain("Hãy chọn tiếng Việt hoặc tiếng Anh.");
  });
});
