import { asUser, type Claims } from "~/platform/db/transaction.server";

export type OrgSummary = {
  id: string;
  slug: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
};

export type OrgMember = { userId: string; displayName: string; role: string };
export type PendingInvite = { id: string; email: string; role: string; expiresAt: Date };

export async function listOrganisations(claims: Claims | null): Promise<OrgSummary[]> {
  return asUser(
    claims,
    (tx) => tx<OrgSummary[]>`
      select id, slug, kind, name_vi as "nameVi", name_en as "nameEn",
             description_vi as "descriptionVi", description_en as "descriptionEn"
        from public.organisations order by kind, name_en`,
  );
}

/**
 * An organisation's page: public facts for anyone; its roster for members; pending invitations
 * for managers. RLS decides who sees what, so the queries are the same for everybody.
 */
export async function organisationPage(claims: Claims | null, slug: string) {
  return asUser(claims, async (tx) => {
    const [org] = await tx<OrgSummary[]>`
      select id, slug, kind, name_vi as "nameVi", name_en as "nameEn",
             description_vi as "descriptionVi", description_en as "descriptionEn"
        from public.organisations where slug = ${slug}`;
    if (!org) return null;
    if (!claims) return { org, members: [] as OrgMember[], invites: [] as PendingInvite[], canManage: false, isMember: false };
    const [members, invites, [me]] = await Promise.all([
      tx<OrgMember[]>`
        select m.user_id as "userId", coalesce(p.display_name, '—') as "displayName", m.role
          from public.memberships m left join public.profiles p on p.id = m.user_id
         where m.org_id = ${org.id} order by p.display_name, m.role`,
      tx<PendingInvite[]>`
        select id, email, role, expires_at as "expiresAt" from public.invitations
         where org_id = ${org.id} and accepted_at is null and expires_at > now() order by created_at desc`,
      tx<{ can_manage: boolean; is_member: boolean }[]>`
        select public.has_org_role(${org.id}, '{manager}') or public.is_platform_admin() as can_manage,
               public.is_org_member(${org.id}) as is_member`,
    ]);
    return { org, members, invites, canManage: !!me?.can_manage, isMember: !!me?.is_member };
  });
}
