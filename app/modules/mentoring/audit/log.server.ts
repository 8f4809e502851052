import { displayNames } from "~/modules/applications/people.server";
import { auditLog, type AuditRow } from "~/platform/audit/audit.server";
import { asServiceWithin, asUser, type Claims } from "~/platform/db/transaction.server";
import { managedProgramme, type ManagedProgramme } from "../match/programme.server";

// A programme's mentoring log, for its managers: approvals, invitations, assignments, requests,
// sessions booked, moved, cancelled, marked and relocated, mentorings ended. Rows are written by
// the database's triggers (migration 20261203400000, decisions/011-audit-and-ending.md), whoever
// acted; this reads them back with the names a manager reads.

export const MENTORING_AUDIT_PAGE_SIZE = 100;

export type MentoringAuditEvent = AuditRow & { actor: string | null; startup: string | null; mentor: string | null };
export type MentoringAuditPage = { programme: ManagedProgramme; events: MentoringAuditEvent[]; total: number; page: number; pageSize: number };

const idIn = (detail: Record<string, unknown>, key: string) => (typeof detail[key] === "string" ? (detail[key] as string) : null);

export function mentoringAuditPage(claims: Claims, programmeId: string, page: number): Promise<MentoringAuditPage> {
  return asUser(claims, async (tx) => {
    const programme = await managedProgramme(tx, programmeId);
    const { rows, total } = await auditLog(tx, programme.id, page, MENTORING_AUDIT_PAGE_SIZE);
    const startupIds = [...new Set(rows.map((r) => idIn(r.detail, "startup")).filter((x): x is string => !!x))];
    // startups of other cohorts than this one are named too (a pair ended after the startup left)
    const startups = startupIds.length
      ? await asServiceWithin(tx, (t) => t<{ id: string; name: string }[]>`select id, name from public.startups where id = any(${t.array(startupIds)}::uuid[])`)
      : [];
    const startupName = new Map(startups.map((s) => [s.id, s.name]));
    const names = await displayNames(tx, rows.flatMap((r) => [r.actorId, idIn(r.detail, "mentor")].filter((x): x is string => !!x)));
    const events = rows.map((r) => {
      const startup = idIn(r.detail, "startup");
      const mentor = idIn(r.detail, "mentor");
      return {
        ...r,
        actor: r.actorId ? (names[r.actorId] ?? null) : null,
        startup: startup ? (startupName.get(startup) ?? null) : null,
        mentor: mentor ? (names[mentor] ?? null) : null,
      };
    });
    return { programme, events, total, page, pageSize: MENTORING_AUDIT_PAGE_SIZE };
  });
}
