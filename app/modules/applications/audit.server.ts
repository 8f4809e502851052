import { audit, auditLog, type AuditRow } from "~/platform/audit/audit.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { managedCall, type ManagedCall } from "./managed-call.server";
import { displayNames } from "./people.server";

export const AUDIT_PAGE_SIZE = 100;

/** A row of the call's log with the names a manager reads: the actor, the application, the reviewer concerned. */
export type AuditEvent = AuditRow & {
  actor: string | null;
  application: { code: string; startup: string } | null;
  reviewer: string | null;
};

export type AuditPage = { call: ManagedCall; events: AuditEvent[]; total: number; page: number; pageSize: number };

/**
 * The call's audit log, newest first: who changed or exported what, when, from what to what.
 * Actors' and reviewers' names through the service path (a founder's profile is private), after the guard.
 */
export function auditPage(claims: Claims, callId: string, page: number): Promise<AuditPage> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const { rows, total } = await auditLog(tx, call.id, page, AUDIT_PAGE_SIZE);
    const appIds = [...new Set(rows.filter((r) => r.subjectType === "application").map((r) => r.subjectId))];
    const apps = appIds.length
      ? await tx<{ id: string; code: string; startup: string }[]>`
          select a.id, a.code, s.name as startup from public.applications a join public.startups s on s.id = a.startup_id
           where a.id = any(${tx.array(appIds)}::uuid[])`
      : [];
    const byId = new Map(apps.map((a) => [a.id, { code: a.code, startup: a.startup }]));
    const reviewerOf = (r: AuditRow) => (typeof r.detail.reviewer === "string" ? r.detail.reviewer : null);
    const names = await displayNames(tx, rows.flatMap((r) => [r.actorId, reviewerOf(r)].filter((x): x is string => !!x)));
    const events = rows.map((r) => ({
      ...r,
      actor: r.actorId ? (names[r.actorId] ?? null) : null,
      application: r.subjectType === "application" ? (byId.get(r.subjectId) ?? null) : null,
      reviewer: reviewerOf(r) ? (names[reviewerOf(r)!] ?? null) : null,
    }));
    return { call, events, total, page, pageSize: AUDIT_PAGE_SIZE };
  });
}

/** Records that the viewer exported the call's applicants' data (the CSV), in the export's transaction. */
export function auditExport(tx: Tx, call: ManagedCall, what: "csv", rows: number) {
  return audit(tx, { orgId: call.orgId, scopeId: call.id, subjectType: "call", subjectId: call.id, kind: "exported", detail: { what, rows } });
}

/**
 * Records that the viewer, a manager of the application's call, opened one of its files. Founders
 * reading their own files and reviewers reading what they review are not exports: nothing recorded.
 */
export async function auditFileRead(tx: Tx, applicationId: string, fileId: string): Promise<void> {
  await tx`
    select public.record_audit(p.org_id, a.call_id, 'application', a.id, 'file_downloaded',
                               jsonb_build_object('file', f.id, 'name', f.original_name))
      from public.application_files f
      join public.applications a on a.id = f.application_id
      join public.calls c on c.id = a.call_id
      join public.programs p on p.id = c.program_id
     where f.id = ${fileId} and a.id = ${applicationId}
       and public.manages_application(a.id) and not public.founds_application(a.id)`;
}
