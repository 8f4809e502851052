import type { Tx } from "~/platform/db/transaction.server";

// The platform's audit trail (decision record app/platform/decisions/005-audit-trail.md): one
// append-only table, public.audit_events. Changes that a database trigger sees are recorded by the
// capability's triggers; what no trigger sees (an export, a file read) is recorded here, in the
// caller's transaction, so the row exists exactly when the work it records did.

/** What a capability records: the organisation whose managers read it, the log it is listed in, and about what. */
export type AuditEntry = {
  orgId: string;
  /** the record whose log lists the row (for applications: the call) */
  scopeId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  /** what happened, as data the reading page translates; no personal data beyond ids */
  detail?: Record<string, unknown>;
};

/**
 * Records one row as the signed-in user of `tx` (the actor is the caller, set by the database).
 * The database refuses anyone but a manager of `orgId` (or a platform administrator), or an
 * organiser (manager or staff) of the event `scopeId` names, for an event's log.
 */
export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx`select public.record_audit(${e.orgId}, ${e.scopeId}, ${e.subjectType}, ${e.subjectId}, ${e.kind}, ${tx.json((e.detail ?? {}) as never)})`;
}

/**
 * Records one row from the service path (a webhook, a job, or a person's action finished as the
 * service, e.g. staff marking a transfer received), where no signed-in manager is the caller: the
 * actor is named by the module that did the work (null for Stripe or the clock). `tx` must be the
 * service's (asService / asServiceWithin): users have no insert right on the trail.
 */
export async function auditAsService(tx: Tx, e: AuditEntry, actorId: string | null): Promise<void> {
  await tx`insert into public.audit_events (org_id, scope_id, subject_type, subject_id, actor_id, kind, detail)
           values (${e.orgId}, ${e.scopeId}, ${e.subjectType}, ${e.subjectId}, ${actorId}, ${e.kind}, ${tx.json((e.detail ?? {}) as never)})`;
}

/** One row as a log page shows it; names and labels are the capability's to add. */
export type AuditRow = {
  id: number;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  kind: string;
  from: string | null;
  to: string | null;
  detail: Record<string, unknown>;
  at: string;
};

/** One page of a scope's log, newest first, as RLS lets the viewer read it, with the total count. */
export async function auditLog(tx: Tx, scopeId: string, page: number, pageSize: number): Promise<{ rows: AuditRow[]; total: number }> {
  const rows = await tx<(AuditRow & { total: number })[]>`
    select e.id::int as id, e.subject_type as "subjectType", e.subject_id as "subjectId", e.actor_id as "actorId", e.kind,
           e.from_value as from, e.to_value as to, e.detail, e.created_at as at, count(*) over ()::int as total
      from public.audit_events e
     where e.scope_id = ${scopeId}
     order by e.created_at desc, e.id desc
     limit ${pageSize} offset ${(page - 1) * pageSize}`;
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
