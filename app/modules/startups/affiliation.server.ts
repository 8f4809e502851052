import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";

// A startup's affiliated organisation (a university spin-off, a corporate venture). Founders claim
// it; it counts for reviewers' conflicts only once that organisation's managers confirm it
// (decisions/001-affiliations-confirmed-by-the-organisation.md). The rules are in SQL.

export type AffiliationStatus = "pending" | "confirmed" | "declined";
export type Affiliation = { orgId: string; slug: string; nameVi: string; nameEn: string; status: AffiliationStatus };
export type OrgChoice = { id: string; nameVi: string; nameEn: string };
export type AffiliationRequest = { startupId: string; slug: string; name: string };

/** The startup's affiliation as anyone may see it (startups are a public directory), or null. */
export async function affiliationOf(tx: Tx, startupId: string): Promise<Affiliation | null> {
  const [row] = await tx<Affiliation[]>`
    select o.id as "orgId", o.slug, o.name_vi as "nameVi", o.name_en as "nameEn", s.affiliation_status as status
      from public.startups s join public.organisations o on o.id = s.org_id
     where s.id = ${startupId}`;
  return row ?? null;
}

/** The organisations a founder may name, by name. */
export function organisationChoices(tx: Tx) {
  return tx<OrgChoice[]>`select id, name_vi as "nameVi", name_en as "nameEn" from public.organisations order by name_en, id`;
}

export type SetAffiliationOutcome = "saved" | "confirmed_locked";

/**
 * A founder names the organisation (or none); it stays pending until the organisation confirms.
 * Not found unless a member of the startup names an organisation that exists.
 */
export async function setAffiliation(claims: Claims, slug: string, orgId: string | null): Promise<SetAffiliationOutcome> {
  try {
    const rows = await asUser(
      claims,
      (tx) => tx`
        update public.startups set org_id = ${orgId}
         where slug = ${slug} and public.is_startup_member(id)
           and (${orgId}::uuid is null or exists (select 1 from public.organisations o where o.id = ${orgId}::uuid))
        returning id`,
    );
    if (rows.length !== 1) throw new NotFoundError();
    return "saved";
  } catch (error) {
    // a confirmed affiliation is the organisation's to end
    if (error instanceof ForbiddenError) return "confirmed_locked";
    throw error;
  }
}

/** A manager confirms or declines a startup's affiliation with their organisation; not found when not theirs to decide. */
export async function decideAffiliation(claims: Claims, startupId: string, confirm: boolean): Promise<void> {
  try {
    await asUser(claims, (tx) => tx`select public.decide_startup_affiliation(${startupId}, ${confirm})`);
  } catch (error) {
    if (error instanceof Error && error.message === "not_found") throw new NotFoundError();
    throw error;
  }
}
