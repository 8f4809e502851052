import type { Claims } from "~/platform/db/transaction.server";
import { parseInput } from "~/platform/http/form.server";
import { auditSetup, Refusal, setupCommand } from "./manage.server";
import { QuotaSchema, TargetSchema } from "./schema";

// Quotas: named capacities that ticket types share. Resizing locks the quota's row (the lock
// move_seats() takes), reads what is taken, and applies the new size only if it holds that: two
// organisers at once are served one after the other, each told what is true after the other, and
// a registration cannot slip in between. The check on ticket_quotas stands behind it.

const parse = <S extends Parameters<typeof parseInput>[0]>(schema: S, input: unknown) => {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) throw new Refusal(parsed.errors);
  return parsed.data;
};

export function saveQuota(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const v = parse(QuotaSchema, input);
    if (!v.id) {
      const [row] = await tx<{ id: string }[]>`insert into public.ticket_quotas (event_id, name, size) values (${event.id}, ${v.name}, ${v.size}) returning id`;
      await auditSetup(tx, event, "quota", row!.id, "quota_added", { name: v.name, size: v.size });
      return { id: row!.id, taken: 0 };
    }
    // the row's lock first: a registration taking seats, or another organiser resizing, waits for
    // this one (or this one for them), so `taken` is what it is when the new size applies
    const [cur] = await tx<{ size: number; taken: number }[]>`select size, taken from public.ticket_quotas where id = ${v.id} and event_id = ${event.id} for update`;
    if (!cur) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
    if (cur.taken > v.size) throw new Refusal({ size: "events.ticketSetup.errors.belowTaken" });
    await tx`update public.ticket_quotas set name = ${v.name}, size = ${v.size} where id = ${v.id}`;
    await auditSetup(tx, event, "quota", v.id, "quota_changed", { name: v.name, from: cur.size, size: v.size, taken: cur.taken });
    return { id: v.id, taken: cur.taken };
  });
}

export function removeQuota(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const { id } = parse(TargetSchema, input);
    const [q] = await tx<{ name: string; taken: number }[]>`select name, taken from public.ticket_quotas where id = ${id} and event_id = ${event.id} for update`;
    if (!q) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
    if (q.taken > 0) throw new Refusal({ form: "events.ticketSetup.errors.quotaTaken" });
    await tx`delete from public.ticket_quotas where id = ${id}`;
    await auditSetup(tx, event, "quota", id, "quota_removed", { name: q.name });
    return { id };
  });
}
