import { asUser, type Claims } from "~/platform/db/transaction.server";
import { managedCall, type ManagedCall } from "./managed-call.server";
import { displayNames } from "./people.server";

export const AUDIT_PAGE_SIZE = 100;

export type AuditEvent = {
  id: number;
  applicationId: string;
  code: string;
  startup: string;
  actorId: string | null;
  actor: string | null;
  kind: "status" | "stage" | "decision" | "offer" | "feedback";
  from: string | null;
  to: string | null;
  at: string;
};

export type AuditPage = { call: ManagedCall; events: AuditEvent[]; total: number; page: number; pageSize: number };

/**
 * The call's audit log, newest first: who changed which application, when, from what to what.
 * Actors' names through the service path (a founder's profile is private), after the guard.
 */
export function auditPage(claims: Claims, callId: string, page: number): Promise<AuditPage | null> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    if (!call) return null;
    const rows = await tx<(Omit<AuditEvent, "actor"> & { total: number })[]>`
      select e.id::int as id, e.application_id as "applicationId", a.code, s.name as startup, e.actor_id as "actorId",
             e.kind, e.from_value as from, e.to_value as to, e.created_at as at, count(*) over ()::int as total
        from public.application_events e
        join public.applications a on a.id = e.application_id
        join public.startups s on s.id = a.startup_id
       where a.call_id = ${call.id}
       order by e.created_at desc, e.id desc
       limit ${AUDIT_PAGE_SIZE} offset ${(page - 1) * AUDIT_PAGE_SIZE}`;
    const names = await displayNames(tx, rows.flatMap((r) => (r.actorId ? [r.actorId] : [])));
    return {
      call,
      events: rows.map(({ total: _t, ...e }) => ({ ...e, actor: e.actorId ? (names[e.actorId] ?? null) : null })),
      total: rows[0]?.total ?? 0,
      page,
      pageSize: AUDIT_PAGE_SIZE,
    };
  });
}
