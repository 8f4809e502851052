import { ConflictError, NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { assertManagesProgramme, PROGRAMME_ORG_KINDS } from "../access.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { callSummaries, type CallSummary } from "./overview.server";
import { ProgrammeEditSchema, ProgrammeSchema } from "./schema";
import type { Bilingual } from "~/platform/i18n/i18n";

export type OrgChoice = { id: string; slug: string; name: Bilingual };
export type ProgrammeDetail = {
  id: string;
  orgId: string;
  orgSlug: string;
  orgName: Bilingual;
  slug: string;
  name: Bilingual;
  description: Bilingual;
  timeZone: string;
};

/** Organisations in which the viewer may create a programme (managed incubators and centres). */
export function programmeOrgChoices(claims: Claims): Promise<OrgChoice[]> {
  return asUser(
    claims,
    (tx) => tx<OrgChoice[]>`
      select o.id, o.slug, json_build_object('vi', o.name_vi, 'en', o.name_en) as name
        from public.organisations o
       where o.kind in ('incubator', 'innovation_centre')
         and (public.has_org_role(o.id, '{manager}') or public.is_platform_admin())
       order by o.name_en`,
  );
}

const slugTaken = (error: unknown) => error instanceof ConflictError && /slug/.test(error.constraint ?? "");

/** A new programme of an incubator or innovation centre the viewer manages. */
export async function createProgramme(claims: Claims, input: unknown): Promise<Outcome<{ id: string }>> {
  const form = parseInput(ProgrammeSchema, input);
  if (!form.ok) return form;
  const p = form.data;
  try {
    return await asUser(claims, async (tx) => {
      const [org] = await tx<{ kind: string }[]>`select kind from public.organisations where id = ${p.orgId}`;
      if (!org || !(PROGRAMME_ORG_KINDS as readonly string[]).includes(org.kind)) return refused({ orgId: "setup.errors.orgKind" });
      // RLS refuses the insert (403) unless the viewer manages the organisation.
      const [row] = await tx<{ id: string }[]>`
        insert into public.programs (org_id, slug, name_vi, name_en, description_vi, description_en)
        values (${p.orgId}, ${p.slug}, ${p.nameVi}, ${p.nameEn}, ${p.descriptionVi}, ${p.descriptionEn})
        returning id`;
      return { ok: true as const, value: { id: row!.id } };
    });
  } catch (error) {
    if (slugTaken(error)) return refused({ slug: "setup.errors.slugTaken" });
    throw error;
  }
}

export async function updateProgramme(claims: Claims, programmeId: string, input: unknown): Promise<Outcome> {
  const id = requireId(programmeId);
  const form = parseInput(ProgrammeEditSchema, input);
  if (!form.ok) return form;
  const p = form.data;
  try {
    return await asUser(claims, async (tx) => {
      await assertManagesProgramme(tx, id);
      const updated = await tx`
        update public.programs set slug = ${p.slug}, name_vi = ${p.nameVi}, name_en = ${p.nameEn},
               description_vi = ${p.descriptionVi}, description_en = ${p.descriptionEn}
         where id = ${id}`;
      if (updated.count !== 1) throw new NotFoundError();
      return { ok: true as const, value: undefined };
    });
  } catch (error) {
    if (slugTaken(error)) return refused({ slug: "setup.errors.slugTaken" });
    throw error;
  }
}

/** A programme's page for its managers: its facts and its calls. 403/404 for anyone else. */
export async function programmePage(claims: Claims, programmeId: string): Promise<{ programme: ProgrammeDetail; calls: CallSummary[] }> {
  const id = requireId(programmeId);
  return asUser(claims, async (tx) => {
    await assertManagesProgramme(tx, id);
    const [[programme], calls] = await Promise.all([
      tx<ProgrammeDetail[]>`
        select p.id, p.org_id as "orgId", o.slug as "orgSlug", json_build_object('vi', o.name_vi, 'en', o.name_en) as "orgName",
               p.slug, json_build_object('vi', p.name_vi, 'en', p.name_en) as name,
               json_build_object('vi', p.description_vi, 'en', p.description_en) as description, o.time_zone as "timeZone"
          from public.programs p join public.organisations o on o.id = p.org_id where p.id = ${id}`,
      callSummaries(tx, [id]),
    ]);
    if (!programme) throw new NotFoundError();
    return { programme, calls };
  });
}
