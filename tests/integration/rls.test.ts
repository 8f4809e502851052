import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, makeAdmin, type TestUser } from "../support/factories";
import { TABLES } from "../support/rls-matrix";

// Every table in public has RLS on, and for each one an anonymous visitor and a member of another
// organisation can neither read nor change the private rows. Runs as `authenticated`/`anon`
// through the same helper requests use, never as the superuser (which would bypass RLS).

let alice: TestUser; // manager of org A
let carol: TestUser; // staff of org A, founder of startup A
let bob: TestUser; // manager of org B: "another organisation"
let orgA: { id: string; slug: string };
let startupA: { id: string };

beforeAll(async () => {
  [alice, carol, bob] = await Promise.all([createUser(), createUser(), createUser()]);
  orgA = await createOrg();
  const orgB = await createOrg();
  await addMember(orgA.id, alice.id, "manager");
  await addMember(orgA.id, carol.id, "staff");
  await addMember(orgB.id, bob.id, "manager");
  startupA = await createStartup(carol.id);
  await asService(async (tx) => {
    await tx`insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at)
             values (${orgA.id}, 'invitee@example.test', 'mentor', 'hash-a', ${alice.id}, now() + interval '1 day')`;
    await tx`insert into public.email_outbox (to_email, locale, template, subject, html, text_body)
             values (${alice.email}, 'en', 'welcome', 's', 'h', 't')`;
    await tx`insert into public.events (org_id, slug, title_vi, title_en, starts_at, ends_at, capacity, published)
             values (${orgA.id}, 'draft-forum', 'Nháp', 'Draft', now() + interval '1 day', now() + interval '2 days', 10, false),
                    (${orgA.id}, 'open-forum', 'Mở', 'Open', now() + interval '1 day', now() + interval '2 days', 10, true)`;
    await tx`insert into public.spaces (org_id, kind, name_vi, name_en, capacity, active)
             values (${orgA.id}, 'meeting_room', 'Phòng', 'Room', 6, true), (${orgA.id}, 'lab', 'Phòng cũ', 'Old lab', 4, false)`;
    await tx`insert into public.sign_in_attempts (email, ip, succeeded) values (${alice.email}, '1.2.3.4', false)`;
  });
});

const count = (claims: Claims | null, query: string) =>
  asUser(claims, async (tx) => Number((await tx.unsafe(`select count(*)::int as n from ${query}`))[0]!.n));

const changed = (claims: Claims | null, statement: string) =>
  asUser(claims, async (tx) => (await tx.unsafe(statement)).count).catch((e: Error) => `refused: ${e.constructor.name}`);

describe("row level security", () => {
  it("is enabled on every table in public, and each one is covered below", async () => {
    const rows = await asService(
      (tx) => tx<{ relname: string; rls: boolean }[]>`
        select c.relname, c.relrowsecurity as rls from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    );
    expect(rows.filter((r) => !r.rls).map((r) => r.relname)).toEqual([]);
    // Each table has its "refuses the wrong user" test here, in a capability's RLS test file, or
    // in the access matrix (every actor × operation, rls-matrix.test.ts).
    const tested = new Set([...Object.keys(covered), ...Object.values(TABLES).map((t) => t.table)]);
    for (const file of readdirSync("tests/integration").filter((f) => f.endsWith("rls.test.ts"))) {
      for (const m of readFileSync(`tests/integration/${file}`, "utf8").matchAll(/^ {4}(\w+): async \(\) => \{$/gm)) tested.add(m[1]!);
    }
    expect(rows.map((r) => r.relname).filter((t) => !tested.has(t))).toEqual([]);
  });

  const covered: Record<string, () => Promise<void>> = {
    profiles: async () => {
      const where = `public.profiles where id = '${alice.id}'`;
      expect(await count(alice.claims, where)).toBe(1);
      expect(await count(carol.claims, where)).toBe(1); // colleague
      expect(await count(null, where)).toBe(0);
      expect(await count(bob.claims, where)).toBe(0);
      expect(await changed(bob.claims, `update public.profiles set bio = 'x' where id = '${alice.id}'`)).toBe(0);
      expect(await changed(null, `update public.profiles set bio = 'x' where id = '${alice.id}'`)).toBe(0);
    },
    organisations: async () => {
      expect(await count(null, `public.organisations where id = '${orgA.id}'`)).toBe(1); // a public directory
      expect(await changed(bob.claims, `update public.organisations set name_en = 'Hacked' where id = '${orgA.id}'`)).toBe(0);
      expect(await changed(null, `update public.organisations set name_en = 'Hacked' where id = '${orgA.id}'`)).toBe(0);
      expect(await changed(bob.claims, `insert into public.organisations (slug, kind, name_vi, name_en) values ('bobs-own', 'business', 'a', 'b')`)).toMatch(/refused/);
      expect(await changed(alice.claims, `update public.organisations set name_en = 'Renamed' where id = '${orgA.id}'`)).toBe(1);
    },
    memberships: async () => {
      const where = `public.memberships where org_id = '${orgA.id}'`;
      expect(await count(carol.claims, where)).toBe(2);
      expect(await count(null, where)).toBe(0);
      expect(await count(bob.claims, where)).toBe(0);
      expect(await changed(bob.claims, `insert into public.memberships (org_id, user_id, role) values ('${orgA.id}', '${bob.id}', 'manager')`)).toMatch(/refused/);
      expect(await changed(carol.claims, `insert into public.memberships (org_id, user_id, role) values ('${orgA.id}', '${carol.id}', 'manager')`)).toMatch(/refused/);
      expect(await changed(bob.claims, `delete from ${where}`)).toBe(0);
    },
    platform_admins: async () => {
      const admin = await createUser();
      await makeAdmin(admin.id);
      expect(await count(admin.claims, "public.platform_admins")).toBe(1);
      expect(await count(bob.claims, "public.platform_admins")).toBe(0);
      expect(await count(null, "public.platform_admins")).toBe(0);
      expect(await changed(bob.claims, `insert into public.platform_admins (user_id) values ('${bob.id}')`)).toMatch(/refused/);
    },
    startups: async () => {
      expect(await count(null, `public.startups where id = '${startupA.id}'`)).toBe(1);
      expect(await changed(bob.claims, `update public.startups set name = 'Hacked' where id = '${startupA.id}'`)).toBe(0);
      expect(await changed(carol.claims, `update public.startups set name = 'Renamed' where id = '${startupA.id}'`)).toBe(1);
    },
    startup_members: async () => {
      const where = `public.startup_members where startup_id = '${startupA.id}'`;
      expect(await count(carol.claims, where)).toBe(1);
      expect(await count(bob.claims, where)).toBe(0);
      expect(await count(null, where)).toBe(0);
      expect(await changed(bob.claims, `insert into public.startup_members (startup_id, user_id) values ('${startupA.id}', '${bob.id}')`)).toMatch(/refused/);
      expect(await changed(bob.claims, `delete from ${where}`)).toBe(0);
    },
    invitations: async () => {
      const where = `public.invitations where org_id = '${orgA.id}'`;
      expect(await count(alice.claims, where)).toBe(1);
      expect(await count(carol.claims, where)).toBe(0); // members who do not manage see no invitations
      expect(await count(bob.claims, where)).toBe(0);
      expect(await count(null, where)).toBe(0);
      expect(await changed(bob.claims, `insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at) values ('${orgA.id}', 'x@example.test', 'manager', 'h2', '${bob.id}', now() + interval '1 day')`)).toMatch(/refused/);
      expect(await changed(bob.claims, `update ${where.replace("public.invitations where", "public.invitations set role = 'manager' where")}`)).toBe(0);
    },
    email_outbox: async () => {
      expect(await changed(alice.claims, "select * from public.email_outbox")).toMatch(/refused/);
      expect(await changed(null, "select * from public.email_outbox")).toMatch(/refused/);
      expect(await changed(bob.claims, "insert into public.email_outbox (to_email, locale, template, subject, html, text_body) values ('a@b.c', 'en', 'x', 's', 'h', 't')")).toMatch(/refused/);
    },
    events: async () => {
      const drafts = `public.events where org_id = '${orgA.id}' and not published`;
      expect(await count(null, `public.events where org_id = '${orgA.id}' and published`)).toBe(1);
      expect(await count(alice.claims, drafts)).toBe(1);
      expect(await count(carol.claims, drafts)).toBe(1); // staff prepare events
      expect(await count(null, drafts)).toBe(0);
      expect(await count(bob.claims, drafts)).toBe(0);
      expect(await changed(bob.claims, `update public.events set capacity = 1 where org_id = '${orgA.id}'`)).toBe(0);
      expect(await changed(bob.claims, `insert into public.events (org_id, slug, title_vi, title_en, starts_at, ends_at, capacity) values ('${orgA.id}', 'fake', 'a', 'b', now(), now() + interval '1 hour', 5)`)).toMatch(/refused/);
      expect(await changed(carol.claims, `delete from public.events where org_id = '${orgA.id}'`)).toBe(0); // only managers delete
    },
    spaces: async () => {
      expect(await count(null, `public.spaces where org_id = '${orgA.id}'`)).toBe(1); // the inactive lab is hidden
      expect(await count(alice.claims, `public.spaces where org_id = '${orgA.id}'`)).toBe(2);
      expect(await count(bob.claims, `public.spaces where org_id = '${orgA.id}'`)).toBe(1);
      expect(await changed(bob.claims, `update public.spaces set hourly_price_vnd = 1 where org_id = '${orgA.id}'`)).toBe(0);
      expect(await changed(carol.claims, `update public.spaces set hourly_price_vnd = 1 where org_id = '${orgA.id}'`)).toBe(0);
      expect(await changed(null, `delete from public.spaces where org_id = '${orgA.id}'`)).toBe(0);
      expect(await changed(bob.claims, `insert into public.spaces (org_id, kind, name_vi, name_en, capacity) values ('${orgA.id}', 'lab', 'a', 'b', 1)`)).toMatch(/refused/);
    },
    sign_in_attempts: async () => {
      expect(await changed(alice.claims, "select * from public.sign_in_attempts")).toMatch(/refused/);
      expect(await changed(null, "delete from public.sign_in_attempts")).toMatch(/refused/);
    },
  };

  for (const [table, check] of Object.entries(covered)) {
    it(`refuses the wrong user on ${table}`, check);
  }

  it("lets an invitation be accepted only by the address it was sent to", async () => {
    const invitee = await createUser({ email: "invitee@example.test" });
    await expect(asUser(bob.claims, (tx) => tx`select public.accept_invitation('hash-a')`)).rejects.toThrow();
    await asUser(invitee.claims, (tx) => tx`select public.accept_invitation('hash-a')`);
    expect(await count(invitee.claims, `public.memberships where org_id = '${orgA.id}' and user_id = '${invitee.id}' and role = 'mentor'`)).toBe(1);
    await expect(asUser(invitee.claims, (tx) => tx`select public.accept_invitation('hash-a')`)).rejects.toThrow(); // used
  });
});
