import { beforeAll, describe, expect, it } from "vitest";
import { DIRECTORY_PAGE_SIZE, listOrganisations, organisationPage, ROSTER_PAGE_SIZE } from "~/modules/identity/organisations.server";
import { directoryQuery } from "~/modules/identity/schema";
import { asService, asUser } from "~/platform/db/transaction.server";
import { statementCount } from "~/platform/db/sql.server";
import { addMember, createOrg, createUser, type TestUser } from "../support/factories";

// An organisation's roster and pending invitations come a page at a time, to its members only.
let manager: TestUser;
let outsider: TestUser;
let org: { id: string; slug: string };
const MEMBERS = 120; // plus the manager
const INVITES = 70;

beforeAll(async () => {
  [manager, outsider] = await Promise.all([createUser({ name: "Aaa Manager" }), createUser()]);
  org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  await asService(async (tx) => {
    await tx`
      insert into auth.users (id, email, raw_user_meta_data)
      select gen_random_uuid(), 'roster-' || i || '@example.test', jsonb_build_object('display_name', 'Member ' || lpad(i::text, 3, '0'))
        from generate_series(1, ${MEMBERS}) i`;
    await tx`
      insert into public.memberships (org_id, user_id, role)
      select ${org.id}, id, 'staff' from auth.users where email like 'roster-%'`;
    await tx`
      insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at, created_at)
      select ${org.id}, 'invitee-' || i || '@example.test', 'reviewer', md5('t' || i), ${manager.id}, now() + interval '7 days',
             now() - i * interval '1 minute'
        from generate_series(1, ${INVITES}) i`;
  });
});

describe("an organisation's page", () => {
  it("shows its members a page at a time, sorted by name, with the total", async () => {
    const first = await organisationPage(manager.claims, org.slug);
    expect(first?.members.total).toBe(MEMBERS + 1);
    expect(first?.members.rows).toHaveLength(ROSTER_PAGE_SIZE);
    expect(first?.members.rows.slice(0, 2).map((m) => m.displayName)).toEqual(["Aaa Manager", "Member 001"]);
    const last = await organisationPage(manager.claims, org.slug, { members: 3, invites: 1 });
    expect(last?.members.rows.map((m) => m.displayName).at(-1)).toBe("Member 120");
    expect(last?.members.rows).toHaveLength(MEMBERS + 1 - 2 * ROSTER_PAGE_SIZE);
    const beyond = await organisationPage(manager.claims, org.slug, { members: 9, invites: 1 });
    expect(beyond?.members).toMatchObject({ rows: [], total: 0 });
  });

  it("shows the manager the pending invitations newest first, a page at a time", async () => {
    const first = await organisationPage(manager.claims, org.slug);
    expect(first?.invites.total).toBe(INVITES);
    expect(first?.invites.rows[0]?.email).toBe("invitee-1@example.test");
    const second = await organisationPage(manager.claims, org.slug, { members: 1, invites: 2 });
    expect(second?.invites.rows).toHaveLength(INVITES - ROSTER_PAGE_SIZE);
  });

  it("shows a staff member the roster but not the invitations, and an outsider neither", async () => {
    const stranger = await organisationPage(outsider.claims, org.slug);
    expect(stranger).toMatchObject({ isMember: false, canManage: false, members: { total: 0 }, invites: { total: 0 } });
    // the roster function itself answers nobody else, and no visitor at all
    expect(await asUser(outsider.claims, (tx) => tx`select * from public.org_roster(${org.id}, 50, 0)`)).toEqual([]);
    await expect(asUser(null, (tx) => tx`select * from public.org_roster(${org.id}, 50, 0)`)).rejects.toThrow("errors.forbidden");
    const colleague = await createUser();
    await addMember(org.id, colleague.id, "staff");
    const staff = await organisationPage(colleague.claims, org.slug);
    expect(staff).toMatchObject({ isMember: true, canManage: false, members: { total: MEMBERS + 2 }, invites: { total: 0 } });
  });

  it("keeps the roster in name order as members rename themselves and join (names kept on memberships)", async () => {
    // what the roster read before names were kept: every member's profile, by name
    const expected = () =>
      asService(
        (tx) => tx`
          select m.user_id as "userId", coalesce(p.display_name, '—') as "displayName", m.role
            from public.memberships m left join public.profiles p on p.id = m.user_id
           where m.org_id = ${org.id} order by p.display_name, m.user_id, m.role`,
      );
    const shown = () => asUser(manager.claims, (tx) => tx`select user_id as "userId", display_name as "displayName", role from public.org_roster(${org.id}, 200, 0)`);
    const late = await createUser({ name: "Zzz Late" });
    await addMember(org.id, late.id, "staff");
    expect((await shown()).at(-1)).toMatchObject({ displayName: "Zzz Late" });
    // renamed by themselves, under RLS (they may not write memberships)
    await asUser(late.claims, (tx) => tx`update public.profiles set display_name = 'Aab Renamed' where id = ${late.id}`);
    expect((await shown()).slice(0, 2).map((m) => m.displayName)).toEqual(["Aaa Manager", "Aab Renamed"]);
    expect([...(await shown())]).toEqual([...(await expected())]);
    // nobody writes another name onto a membership
    await asService((tx) => tx`update public.memberships set profile_name = 'Aaa Fake' where user_id = ${late.id}`);
    await asService((tx) => tx`insert into public.memberships (org_id, user_id, role, profile_name) values (${org.id}, ${late.id}, 'reviewer', 'Aaa Fake')`);
    expect([...(await shown())]).toEqual([...(await expected())]);
  });

  it("shows a visitor the organisation in their language with its spaces, and no list", async () => {
    await asService(
      (tx) => tx`
        insert into public.spaces (org_id, kind, name_vi, name_en, capacity, hourly_price_vnd)
        values (${org.id}, 'lab', 'Phòng thí nghiệm', 'Lab', 6, 0), (${org.id}, 'meeting_room', 'Phòng họp', 'Meeting room', 4, 150000)`,
    );
    const visitor = await organisationPage(null, org.slug, { members: 1, invites: 1 }, "en");
    expect(visitor).toMatchObject({ org: { name: `Organisation ${org.slug}` }, canManage: false, isMember: false });
    expect(visitor.spaces.map((s) => [s.nameEn, s.hourlyPriceVnd])).toEqual([["Meeting room", "150000"], ["Lab", "0"]]);
    expect([visitor.members.total, visitor.invites.total, visitor.affiliations]).toEqual([0, 0, []]);
    expect((await organisationPage(manager.claims, org.slug, { members: 1, invites: 1 }, "vi")).org.name).toBe(`Tổ chức ${org.slug}`);
  });

  it("reads the whole page in one statement of its own, for any page", async () => {
    // BEGIN, the transaction's settings, the page, COMMIT
    const before = statementCount();
    await organisationPage(manager.claims, org.slug);
    expect(statementCount() - before).toBe(4);
    const mid = statementCount();
    await organisationPage(manager.claims, org.slug, { members: 3, invites: 2 });
    expect(statementCount() - mid).toBe(4);
  });
});

describe("the directory of organisations", () => {
  it("searches either name as a literal, filters by kind and pages", async () => {
    const university = await createOrg({ kind: "university" });
    await asService((tx) => tx`update public.organisations set name_vi = 'Đại học 100% Xanh', name_en = 'Green_Campus University' where id = ${university.id}`);
    const find = (q: string, kind: string | null = null, page = 1) => listOrganisations(null, { q, kind, page });
    expect((await find("100%")).rows.map((o) => o.id)).toEqual([university.id]);
    expect((await find("green_campus")).rows.map((o) => o.id)).toEqual([university.id]);
    expect((await find("Xanh%")).total).toBe(0); // a literal %, not "anything"
    expect((await find("Xanh", "business")).total).toBe(0);
    expect((await find("", "university")).rows.every((o) => o.kind === "university")).toBe(true);
    const all = await find("");
    expect(all.rows.length).toBeLessThanOrEqual(DIRECTORY_PAGE_SIZE);
    expect(all.total).toBe(Number((await asService((tx) => tx`select count(*)::int as n from public.organisations`))[0]!.n));
  });

  it("reads whatever is in the query string without failing", () => {
    const q = (s: string) => directoryQuery(new URL(`http://x/orgs?${s}`));
    expect(q("kind=castle&page=-3&q=" + "a".repeat(300))).toEqual({ kind: null, page: 1, q: "a".repeat(100) });
    expect(q("kind=incubator&page=2&q=%20EIU%20")).toEqual({ kind: "incubator", page: 2, q: "EIU" });
  });
});
