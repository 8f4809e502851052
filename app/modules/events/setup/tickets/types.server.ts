import type { Claims, Tx } from "~/platform/db/transaction.server";
import { parseInput } from "~/platform/http/form.server";
import type { ManagedEvent } from "../../managed-event.server";
import { auditSetup, Refusal, setupCommand } from "./manage.server";
import { CodeSchema, RemoveCodeSchema, TargetSchema, TicketTypeSchema, type TicketTypeInput } from "./schema";
import { instantOf } from "./wall-clock";

// Ticket types: add, change, remove, and the codes that unlock a hidden one. A type's quotas are
// fixed while it has seats out (decision 001): changing them then is refused with a message, before
// the database's trigger would. A type that ever had a ticket is never removed (the tickets point
// at it): the organisers end its sale instead, and the page says so.

const parse = <S extends Parameters<typeof parseInput>[0]>(schema: S, input: unknown) => {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) throw new Refusal(parsed.errors);
  return parsed.data;
};

async function checkQuotas(tx: Tx, event: ManagedEvent, quotas: string[]) {
  if (!quotas.length) return;
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from public.ticket_quotas where event_id = ${event.id} and id = any (${quotas}::uuid[])`;
  if (row!.n !== quotas.length) throw new Refusal({ quotas: "events.ticketSetup.errors.quotaUnknown" });
}

const seatsOut = (tx: Tx, typeId: string) =>
  tx<{ out: boolean }[]>`
    select exists (select 1 from public.event_tickets k join public.event_orders o on o.id = k.order_id
                    where k.ticket_type_id = ${typeId} and o.status in ('held', 'confirmed'))
        or exists (select 1 from public.event_waitlist w where w.ticket_type_id = ${typeId} and w.status = 'offered') as out`.then((r) => r[0]!.out);

function columns(v: TicketTypeInput, event: ManagedEvent) {
  return {
    name_vi: v.nameVi,
    name_en: v.nameEn,
    description_vi: v.descriptionVi,
    description_en: v.descriptionEn,
    price_vnd: v.priceVnd,
    sales_start: instantOf(v.salesStart, event.timeZone),
    sales_end: instantOf(v.salesEnd, event.timeZone),
    hidden: v.hidden,
    min_per_order: v.minPerOrder,
    max_per_order: v.maxPerOrder,
    position: v.position,
  };
}

export function saveTicketType(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const v = parse(TicketTypeSchema, input);
    await checkQuotas(tx, event, v.quotas);
    const row = columns(v, event);
    if (!v.id) {
      const [created] = await tx<{ id: string }[]>`insert into public.ticket_types ${tx({ event_id: event.id, ...row })} returning id`;
      for (const q of v.quotas) await tx`insert into public.ticket_type_quotas (ticket_type_id, quota_id) values (${created!.id}, ${q})`;
      await auditSetup(tx, event, "ticket_type", created!.id, "ticket_type_added", { name: v.nameEn, priceVnd: v.priceVnd, quotas: v.quotas });
      return { id: created!.id };
    }
    const [before] = await tx<{ quotas: string[] }[]>`
      select coalesce((select array_agg(quota_id) from public.ticket_type_quotas where ticket_type_id = t.id), '{}') as quotas
        from public.ticket_types t where t.id = ${v.id} and t.event_id = ${event.id} for update`;
    if (!before) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
    const added = v.quotas.filter((q) => !before.quotas.includes(q));
    const dropped = before.quotas.filter((q) => !v.quotas.includes(q));
    if ((added.length || dropped.length) && (await seatsOut(tx, v.id))) throw new Refusal({ quotas: "events.ticketSetup.errors.quotasInUse" });
    await tx`update public.ticket_types set ${tx(row)} where id = ${v.id}`;
    if (dropped.length) await tx`delete from public.ticket_type_quotas where ticket_type_id = ${v.id} and quota_id = any (${dropped}::uuid[])`;
    for (const q of added) await tx`insert into public.ticket_type_quotas (ticket_type_id, quota_id) values (${v.id}, ${q})`;
    await auditSetup(tx, event, "ticket_type", v.id, "ticket_type_changed", { name: v.nameEn, priceVnd: v.priceVnd, quotas: v.quotas });
    return { id: v.id };
  });
}

export function removeTicketType(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const { id } = parse(TargetSchema, input);
    const [t] = await tx<{ name_en: string; tickets: number }[]>`
      select t.name_en, (select count(*) from public.event_tickets k where k.ticket_type_id = t.id)::int as tickets
        from public.ticket_types t where t.id = ${id} and t.event_id = ${event.id} for update`;
    if (!t) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
    if (t.tickets > 0) throw new Refusal({ form: "events.ticketSetup.errors.typeHasTickets" });
    await tx`delete from public.ticket_types where id = ${id}`;
    await auditSetup(tx, event, "ticket_type", id, "ticket_type_removed", { name: t.name_en });
    return { id };
  });
}

async function typeOf(tx: Tx, event: ManagedEvent, id: string) {
  const [t] = await tx<{ id: string }[]>`select id from public.ticket_types where id = ${id} and event_id = ${event.id}`;
  if (!t) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
}

export function addCode(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const { id, code } = parse(CodeSchema, input);
    await typeOf(tx, event, id);
    const [row] = await tx`insert into public.ticket_type_codes (ticket_type_id, code) values (${id}, ${code}) on conflict do nothing returning code`;
    if (!row) throw new Refusal({ code: "events.ticketSetup.errors.codeTaken" });
    await auditSetup(tx, event, "ticket_type", id, "ticket_code_added", { code });
    return { id };
  });
}

export function removeCode(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const { id, code } = parse(RemoveCodeSchema, input);
    await typeOf(tx, event, id);
    const [row] = await tx`delete from public.ticket_type_codes where ticket_type_id = ${id} and code = ${code} returning code`;
    if (!row) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
    await auditSetup(tx, event, "ticket_type", id, "ticket_code_removed", { code });
    return { id };
  });
}
