import type { Claims, Tx } from "~/platform/db/transaction.server";
import { parseInput } from "~/platform/http/form.server";
import type { ManagedEvent } from "../../managed-event.server";
import { auditSetup, Refusal, setupCommand } from "./manage.server";
import { QuestionSchema, TargetSchema } from "./schema";

// Questions each attendee answers. Answers are kept on the tickets under the question's id, as
// the text the attendee gave: editing a question (its label, kind or options) changes what the
// next attendee sees, never what was answered. A question with answers is retired rather than
// deleted, so its answers stay in the attendee list and the export; it can be asked again.

const parse = <S extends Parameters<typeof parseInput>[0]>(schema: S, input: unknown) => {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) throw new Refusal(parsed.errors);
  return parsed.data;
};

async function checkTypes(tx: Tx, event: ManagedEvent, types: string[]) {
  if (!types.length) return;
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from public.ticket_types where event_id = ${event.id} and id = any (${types}::uuid[])`;
  if (row!.n !== new Set(types).size) throw new Refusal({ ticketTypes: "events.ticketSetup.errors.typeUnknown" });
}

export function saveQuestion(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const v = parse(QuestionSchema, input);
    await checkTypes(tx, event, v.ticketTypes);
    const row = {
      label_vi: v.labelVi,
      label_en: v.labelEn,
      help_vi: v.helpVi,
      help_en: v.helpEn,
      kind: v.kind,
      options: v.options,
      required: v.required,
      ticket_type_ids: [...new Set(v.ticketTypes)],
      position: v.position,
    };
    if (!v.id) {
      const [created] = await tx<{ id: string }[]>`
        insert into public.event_questions (event_id, label_vi, label_en, help_vi, help_en, kind, options, required, ticket_type_ids, position)
        values (${event.id}, ${row.label_vi}, ${row.label_en}, ${row.help_vi}, ${row.help_en}, ${row.kind}, ${row.options}::text[], ${row.required},
                ${row.ticket_type_ids}::uuid[], ${row.position})
        returning id`;
      await auditSetup(tx, event, "question", created!.id, "question_added", { label: v.labelEn, kind: v.kind });
      return { id: created!.id };
    }
    const [changed] = await tx<{ id: string }[]>`
      update public.event_questions
         set label_vi = ${row.label_vi}, label_en = ${row.label_en}, help_vi = ${row.help_vi}, help_en = ${row.help_en}, kind = ${row.kind},
             options = ${row.options}::text[], required = ${row.required}, ticket_type_ids = ${row.ticket_type_ids}::uuid[], position = ${row.position}
       where id = ${v.id} and event_id = ${event.id}
      returning id`;
    if (!changed) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
    await auditSetup(tx, event, "question", v.id, "question_changed", { label: v.labelEn, kind: v.kind });
    return { id: v.id };
  });
}

/** Remove a question nobody answered; retire one that was answered (its answers stay). */
export function removeQuestion(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const { id } = parse(TargetSchema, input);
    const [q] = await tx<{ label_en: string; answered: boolean }[]>`
      select q.label_en, exists (select 1 from public.event_tickets k where k.event_id = q.event_id and k.answers ? q.id::text) as answered
        from public.event_questions q where q.id = ${id} and q.event_id = ${event.id} for update`;
    if (!q) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
    if (q.answered) {
      await tx`update public.event_questions set retired = true where id = ${id}`;
      await auditSetup(tx, event, "question", id, "question_retired", { label: q.label_en });
      return { id, retired: true };
    }
    await tx`delete from public.event_questions where id = ${id}`;
    await auditSetup(tx, event, "question", id, "question_removed", { label: q.label_en });
    return { id, retired: false };
  });
}

/** Ask a retired question again. */
export function restoreQuestion(claims: Claims, eventId: string, input: unknown) {
  return setupCommand(claims, eventId, async (tx, event) => {
    const { id } = parse(TargetSchema, input);
    const [q] = await tx<{ label_en: string }[]>`update public.event_questions set retired = false where id = ${id} and event_id = ${event.id} returning label_en`;
    if (!q) throw new Refusal({ form: "events.ticketSetup.errors.gone" });
    await auditSetup(tx, event, "question", id, "question_restored", { label: q.label_en });
    return { id, retired: false };
  });
}
