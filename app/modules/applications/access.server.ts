import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import type { Tx } from "~/platform/db/transaction.server";

// Who may set up what. RLS is the real check (every write below runs as the user); these reads
// only turn "you may not" into a 403 page and "there is nothing" into a 404, never a 500.

/** The kinds of organisation that run incubation programmes. */
export const PROGRAMME_ORG_KINDS = ["incubator", "innovation_centre"] as const;

export async function assertManagesCall(tx: Tx, callId: string) {
  const [row] = await tx<{ manages: boolean }[]>`
    select public.manages_call(c.id) as manages from public.calls c where c.id = ${callId}`;
  if (!row) throw new NotFoundError();
  if (!row.manages) throw new ForbiddenError();
}

export async function assertManagesProgramme(tx: Tx, programmeId: string) {
  const [row] = await tx<{ manages: boolean }[]>`
    select public.has_org_role(p.org_id, '{manager}') or public.is_platform_admin() as manages
      from public.programs p where p.id = ${programmeId}`;
  if (!row) throw new NotFoundError();
  if (!row.manages) throw new ForbiddenError();
}

/** Has any application of this call been submitted? Then its form changes only in safe ways. */
export async function hasSubmissions(tx: Tx, callId: string): Promise<boolean> {
  const [row] = await tx<{ n: number }[]>`
    select count(*)::int as n from public.applications where call_id = ${callId} and status <> 'draft'`;
  return (row?.n ?? 0) > 0;
}

// The ordered-list helper moved to the platform (events order their speakers with it too).
export { moved } from "~/platform/ordered";
