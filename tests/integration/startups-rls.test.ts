import { beforeAll, describe, expect, it } from "vitest";
import { acceptCofounderInvitation, inviteCofounder, viewCofounderInvitation } from "~/modules/startups/invitations.server";
import { createStartup as createProfile, startupPage, updateStartup } from "~/modules/startups/profile.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { asService, asUser, type Claims } from "~/platform/db/transaction.server";
import { createStartup, createUser, linkIn, outboxFor, type TestUser } from "../support/factories";

// Startup profiles and co-founder invitations, at the SQL level and through the module, as the users concerned.
let founder: TestUser;
let invitee: TestUser; // has an account, reads Vietnamese
let outsider: TestUser; // founder of another startup
let startup: { id: string; slug: string };

beforeAll(async () => {
  [founder, invitee, outsider] = await Promise.all([createUser(), createUser({ locale: "vi" }), createUser()]);
  startup = await createStartup(founder.id);
  await createStartup(outsider.id);
  await asService(
    (tx) => tx`insert into public.startup_invitations (startup_id, email, token_hash, invited_by, expires_at)
               values (${startup.id}, 'someone@example.test', 'hash-s', ${founder.id}, now() + interval '1 day')`,
  );
});

const count = (claims: Claims | null, query: string) =>
  asUser(claims, async (tx) => Number((await tx.unsafe(`select count(*)::int as n from ${query}`))[0]!.n));
const changed = (claims: Claims | null, statement: string) =>
  asUser(claims, async (tx) => (await tx.unsafe(statement)).count).catch((e: Error) => `refused: ${e.message}`);

describe("startups RLS", () => {
  const covered: Record<string, () => Promise<void>> = {
    startup_invitations: async () => {
      const mine = `public.startup_invitations where startup_id = '${startup.id}'`;
      expect(await count(founder.claims, mine)).toBe(1);
      expect(await count(outsider.claims, mine)).toBe(0);
      expect(await count(invitee.claims, mine)).toBe(0);
      expect(await count(null, mine)).toBe(0);
      expect(await changed(outsider.claims, `insert into public.startup_invitations (startup_id, email, token_hash, invited_by, expires_at) values ('${startup.id}', 'x@example.test', 'h-x', '${outsider.id}', now() + interval '1 day')`)).toMatch(/refused/);
      expect(await changed(outsider.claims, `update public.startup_invitations set expires_at = now() + interval '1 year' where startup_id = '${startup.id}'`)).toBe(0);
      expect(await changed(outsider.claims, `delete from public.startup_invitations where startup_id = '${startup.id}'`)).toBe(0);
      // A founder cannot forge an invitation in someone else's name.
      expect(await changed(founder.claims, `insert into public.startup_invitations (startup_id, email, token_hash, invited_by, expires_at) values ('${startup.id}', 'y@example.test', 'h-y', '${outsider.id}', now() + interval '1 day')`)).toMatch(/refused/);
    },
  };

  for (const [table, check] of Object.entries(covered)) {
    it(`refuses the wrong user on ${table}`, check);
  }

  it("lets only members edit a profile; the public sees the profile, not the team", async () => {
    const input = { name: "Renamed", sector: "iot", stage: "seed" as const, website: "https://x.example", descriptionVi: "", descriptionEn: "" };
    await expect(updateStartup(outsider.claims, startup.slug, input)).rejects.toBeInstanceOf(NotFoundError);
    await updateStartup(founder.claims, startup.slug, input);
    const publicView = await startupPage(null, startup.slug);
    expect(publicView?.startup).toMatchObject({ name: "Renamed", stage: "seed", isMember: false });
    expect(publicView?.members).toEqual([]);
    expect((await startupPage(founder.claims, startup.slug))?.members).toHaveLength(1);
  });

  it("creates a startup with its creator as the first founder", async () => {
    const created = await createProfile(outsider.claims, { name: "Nông Sản Xanh", sector: "agritech", stage: "idea", descriptionVi: "", descriptionEn: "" });
    expect(created.slug).toMatch(/^nong-san-xanh-[0-9a-f]{6}$/);
    expect((await startupPage(outsider.claims, created.slug))?.members.map((m) => m.role)).toEqual(["founder"]);
  });

  it("lets nobody claim a startup that has no member, nor add people to one they found", async () => {
    // A startup left without members (its founders deleted their accounts), as the service path leaves it.
    const [orphan] = await asService((tx) => tx<{ id: string }[]>`insert into public.startups (slug, name) values ('orphan-co', 'Orphan Co') returning id`);
    const join = (who: TestUser, userId: string, startupId: string) =>
      changed(who.claims, `insert into public.startup_members (startup_id, user_id, role) values ('${startupId}', '${userId}', 'founder')`);
    expect(await join(outsider, outsider.id, orphan!.id)).toMatch(/refused/);
    expect(await changed(outsider.claims, `update public.startups set name = 'Mine now' where id = '${orphan!.id}'`)).toBe(0);
    expect(await count(null, `public.startup_members where startup_id = '${orphan!.id}'`)).toBe(0);
    // A founder cannot make someone a member of their startup without that person's consent
    // (an accepted invitation): it would also make a reviewer "conflicted" at will.
    expect(await join(founder, outsider.id, startup.id)).toMatch(/refused/);
    const members = await asService((tx) => tx`select user_id from public.startup_members where startup_id in (${orphan!.id}, ${startup.id}) and user_id = ${outsider.id}`);
    expect(members).toEqual([]);
  });

  it("makes the creator of a startup its founder in the statement that creates it", async () => {
    const creator = await createUser();
    const [row] = await asUser(creator.claims, (tx) => tx<{ id: string }[]>`insert into public.startups (slug, name) values ('made-in-sql', 'Made in SQL') returning id`);
    const members = await asService((tx) => tx`select user_id, role from public.startup_members where startup_id = ${row!.id}`);
    expect(members).toEqual([{ user_id: creator.id, role: "founder" }]);
    expect(await changed(creator.claims, `update public.startups set name = 'Renamed in SQL' where id = '${row!.id}'`)).toBe(1);
  });

  it("invites a co-founder by email, in their language; only that address can accept, once", async () => {
    await expect(inviteCofounder(outsider.claims, startup.slug, invitee.email, "en")).rejects.toBeInstanceOf(NotFoundError);
    await inviteCofounder(founder.claims, startup.slug, invitee.email, "en");
    const [mail] = (await outboxFor(invitee.email)).filter((m) => m.template === "startup-invitation");
    expect(mail).toMatchObject({ locale: "vi", subject: "Lời mời đồng sáng lập Renamed" });
    const token = linkIn(mail!.text_body, "/startup-invitations/").split("/startup-invitations/")[1]!;
    expect(await viewCofounderInvitation(token)).toMatchObject({ email: invitee.email, startupSlug: startup.slug });
    expect(await acceptCofounderInvitation(outsider.claims, token)).toBe("wrong_account");
    expect(await acceptCofounderInvitation(invitee.claims, token)).toBe("accepted");
    expect(await acceptCofounderInvitation(invitee.claims, token)).toBe("invalid");
    const members = await asService((tx) => tx`select user_id, role from public.startup_members where startup_id = ${startup.id} order by created_at`);
    expect(members).toEqual([
      { user_id: founder.id, role: "founder" },
      { user_id: invitee.id, role: "founder" },
    ]);
    expect(await count(invitee.claims, `public.startup_invitations where startup_id = '${startup.id}'`)).toBeGreaterThan(0); // now a member
  });
});
