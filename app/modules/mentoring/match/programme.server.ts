import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import type { Tx } from "~/platform/db/transaction.server";
import { requireId } from "~/platform/ids.server";

// The programme a mentoring page is about, read once after checking the viewer manages it
// (403 for others, 404 for an unknown id).
export type MatchMode = "manager" | "requests" | "cohort";
export type ManagedProgramme = {
  id: string;
  orgId: string;
  name: { vi: string; en: string };
  orgName: { vi: string; en: string };
  matchMode: MatchMode;
  requestDays: number;
};

export async function managedProgramme(tx: Tx, programmeId: string): Promise<ManagedProgramme> {
  const id = requireId(programmeId);
  const [row] = await tx<(ManagedProgramme & { manages: boolean })[]>`
    select p.id, p.org_id as "orgId", json_build_object('vi', p.name_vi, 'en', p.name_en) as name,
           json_build_object('vi', o.name_vi, 'en', o.name_en) as "orgName", p.match_mode as "matchMode", p.request_days as "requestDays",
           public.manages_program(p.id) as manages
      from public.programs p join public.organisations o on o.id = p.org_id where p.id = ${id}`;
  if (!row) throw new NotFoundError();
  if (!row.manages) throw new ForbiddenError();
  const { manages: _, ...programme } = row;
  return programme;
}
