import { describe, expect, it } from "vitest";
import { acceptInvitation, invite, viewInvitation } from "~/modules/identity/invitations.server";
import { organisationPage } from "~/modules/identity/organisations.server";
import { ForbiddenError } from "~/platform/db/errors.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, linkIn, outboxFor } from "../support/factories";

const tokenFrom = async (email: string) => {
  const [mail] = await outboxFor(email);
  return linkIn(mail!.text_body, "/invitations/").split("/invitations/")[1]!;
};

describe("invitations", () => {
  it("lets a manager invite by email; the invitee accepts after signing in and gains the role", async () => {
    const [manager, invitee] = await Promise.all([createUser({ locale: "vi" }), createUser({ locale: "en" })]);
    const org = await createOrg();
    await addMember(org.id, manager.id, "manager");
    await invite(manager.claims, org.id, { email: invitee.email, role: "reviewer" }, "vi");
    const [mail] = await outboxFor(invitee.email);
    // The invitee chose English, so the mail is in English although the manager works in Vietnamese.
    expect(mail).toMatchObject({ template: "invitation", locale: "en", subject: `Invitation to join Organisation ${org.slug}` });
    const token = await tokenFrom(invitee.email);
    expect(await viewInvitation(token)).toMatchObject({ email: invitee.email, role: "reviewer", orgSlug: org.slug });
    expect(await acceptInvitation(invitee.claims, token)).toBe("accepted");
    const page = await organisationPage(invitee.claims, org.slug);
    expect(page?.members.rows.map((m) => m.role).sort()).toEqual(["manager", "reviewer"]);
    expect(await acceptInvitation(invitee.claims, token)).toBe("invalid"); // used
  });

  it("refuses someone signed in with another address", async () => {
    const [manager, stranger] = await Promise.all([createUser(), createUser()]);
    const org = await createOrg();
    await addMember(org.id, manager.id, "manager");
    await invite(manager.claims, org.id, { email: "someone-else@example.test", role: "staff" }, "en");
    const token = await tokenFrom("someone-else@example.test");
    expect(await acceptInvitation(stranger.claims, token)).toBe("wrong_account");
    const [row] = await asService((tx) => tx`select accepted_at from public.invitations where email = 'someone-else@example.test'`);
    expect(row!.accepted_at).toBeNull();
  });

  it("re-inviting renews the one open invitation instead of adding a second; the old link stops working", async () => {
    const manager = await createUser();
    const org = await createOrg();
    await addMember(org.id, manager.id, "manager");
    await invite(manager.claims, org.id, { email: "twice@example.test", role: "mentor" }, "en");
    const first = await tokenFrom("twice@example.test");
    await invite(manager.claims, org.id, { email: "twice@example.test", role: "mentor" }, "en");
    const second = await tokenFrom("twice@example.test");
    const rows = await asService((tx) => tx`select id from public.invitations where email = 'twice@example.test'`);
    expect(rows).toHaveLength(1);
    expect(await viewInvitation(first)).toBeNull();
    expect(await viewInvitation(second)).not.toBeNull();
  });

  it("refuses an invitation from a member who does not manage the organisation, writing nothing", async () => {
    const staff = await createUser();
    const org = await createOrg();
    await addMember(org.id, staff.id, "staff");
    await expect(invite(staff.claims, org.id, { email: "nope@example.test", role: "manager" }, "en")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await outboxFor("nope@example.test")).toEqual([]);
  });

  it("expires after its validity", async () => {
    const [manager, invitee] = await Promise.all([createUser(), createUser()]);
    const org = await createOrg();
    await addMember(org.id, manager.id, "manager");
    await invite(manager.claims, org.id, { email: invitee.email, role: "staff" }, "en");
    const token = await tokenFrom(invitee.email);
    await asService((tx) => tx`update public.invitations set expires_at = now() - interval '1 second' where email = ${invitee.email}`);
    expect(await viewInvitation(token)).toBeNull();
    expect(await acceptInvitation(invitee.claims, token)).toBe("invalid");
  });
});
