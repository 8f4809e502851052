import type { z } from "zod";
import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { audit } from "~/platform/audit/audit.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import type { Bilingual } from "~/platform/i18n/i18n";
import { moved } from "~/platform/ordered";
import { managedEvent, type ManagedEvent } from "../managed-event.server";
import { IdSchema, MoveSchema, SessionSchema, SpeakerSchema, type SessionInput } from "./schema";
import { instantOf, localOf } from "./time";

// An event's agenda: speakers (in the order the organisers choose) and sessions (in time order,
// within the event's days, each with some of the event's speakers). Every change is audited.

export type SpeakerRow = { id: string; name: string; affiliation: string; bio: Bilingual };
export type SessionRow = { id: string; title: Bilingual; room: string; startsLocal: string; endsLocal: string; speakerIds: string[] };
export type AgendaPage = { timeZone: string; startsLocal: string; endsLocal: string; speakers: SpeakerRow[]; sessions: SessionRow[] };

export function agendaPage(claims: Claims, eventId: string): Promise<AgendaPage> {
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId);
    const [speakers, sessions] = await Promise.all([
      tx<SpeakerRow[]>`
        select id, name, affiliation, json_build_object('vi', bio_vi, 'en', bio_en) as bio
          from public.event_speakers where event_id = ${e.id} order by position, name, id`,
      tx<{ id: string; title: Bilingual; room: string; starts_at: Date; ends_at: Date; speaker_ids: string[] }[]>`
        select id, json_build_object('vi', title_vi, 'en', title_en) as title, room, starts_at, ends_at, speaker_ids
          from public.event_sessions where event_id = ${e.id} order by starts_at, ends_at, id`,
    ]);
    return {
      timeZone: e.timeZone,
      startsLocal: localOf(e.startsAt, e.timeZone),
      endsLocal: localOf(e.endsAt, e.timeZone),
      speakers,
      sessions: sessions.map((s) => ({
        id: s.id,
        title: s.title,
        room: s.room,
        startsLocal: localOf(s.starts_at, e.timeZone),
        endsLocal: localOf(s.ends_at, e.timeZone),
        speakerIds: s.speaker_ids,
      })),
    };
  });
}

const logOf = (e: ManagedEvent, subjectType: string, subjectId: string, kind: string, detail?: Record<string, unknown>) => ({
  orgId: e.orgId,
  scopeId: e.id,
  subjectType,
  subjectId,
  kind,
  ...(detail ? { detail } : {}),
});

const ok = { ok: true as const, value: undefined };

type RowChange<T> = { subjectType: "event_speaker" | "event_session"; kind: string; lock?: boolean; form?: z.ZodType<T> };

/**
 * Edits or removes the agenda row the form names by its id: the id (then the form, if any) checked,
 * the event taken (and locked, when the change reads the event or other rows), the change made, a
 * 404 when it touched no row of this event, the change audited. `change` answers the rows it
 * touched, or a refusal (it has written nothing).
 */
async function changeRow<T = undefined>(
  claims: Claims,
  eventId: string,
  input: unknown,
  c: RowChange<T>,
  change: (tx: Tx, e: ManagedEvent, id: string, data: T) => Promise<number | Outcome>,
): Promise<Outcome> {
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  const form = c.form ? parseInput(c.form, input) : { ok: true as const, data: undefined as T };
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId, c.lock);
    const changed = await change(tx, e, target.data.id, form.data);
    if (typeof changed !== "number") return changed;
    if (changed !== 1) throw new NotFoundError();
    await audit(tx, logOf(e, c.subjectType, target.data.id, c.kind));
    return ok;
  });
}

// ---- speakers ----------------------------------------------------------------------------------

export async function addSpeaker(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const form = parseInput(SpeakerSchema, input);
  if (!form.ok) return form;
  const s = form.data;
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId, true);
    const [row] = await tx<{ id: string }[]>`
      insert into public.event_speakers (event_id, name, affiliation, bio_vi, bio_en, position)
      select ${e.id}, ${s.name}, ${s.affiliation}, ${s.bioVi}, ${s.bioEn}, coalesce(max(position), 0) + 1 from public.event_speakers where event_id = ${e.id}
      returning id`;
    await audit(tx, logOf(e, "event_speaker", row!.id, "speaker_added"));
    return ok;
  });
}

export const updateSpeaker = (claims: Claims, eventId: string, input: unknown) =>
  changeRow(claims, eventId, input, { subjectType: "event_speaker", kind: "speaker_updated", form: SpeakerSchema }, async (tx, e, id, s) => {
    const updated = await tx`update public.event_speakers set name = ${s.name}, affiliation = ${s.affiliation}, bio_vi = ${s.bioVi}, bio_en = ${s.bioEn}
                              where id = ${id} and event_id = ${e.id}`;
    return updated.count;
  });

/** A removed speaker leaves the sessions they were on. */
export const removeSpeaker = (claims: Claims, eventId: string, input: unknown) =>
  changeRow(claims, eventId, input, { subjectType: "event_speaker", kind: "speaker_removed", lock: true }, async (tx, e, id) => {
    const removed = await tx`delete from public.event_speakers where id = ${id} and event_id = ${e.id}`;
    await tx`update public.event_sessions set speaker_ids = array_remove(speaker_ids, ${id}::uuid) where event_id = ${e.id} and ${id}::uuid = any (speaker_ids)`;
    return removed.count;
  });

export async function moveSpeaker(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const form = parseInput(MoveSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    // the event's lock puts two moves in line, so each reads the order the other left
    const e = await managedEvent(tx, eventId, true);
    const ids = (await tx<{ id: string }[]>`select id from public.event_speakers where event_id = ${e.id} order by position, name, id`).map((r) => r.id);
    if (!ids.includes(form.data.id)) throw new NotFoundError();
    const order = moved(ids, form.data.id, form.data.direction);
    if (!order) return ok;
    await tx`update public.event_speakers s set position = o.n
               from unnest(${order}::uuid[]) with ordinality as o(id, n) where s.id = o.id and s.event_id = ${e.id}`;
    await audit(tx, logOf(e, "event_speaker", form.data.id, "speaker_moved", { direction: form.data.direction }));
    return ok;
  });
}

// ---- sessions ----------------------------------------------------------------------------------

/** The session's instants, or the refusal when it falls outside the event or names another event's speakers. */
async function sessionRow(tx: Tx, e: ManagedEvent, s: SessionInput) {
  const startsAt = instantOf(s.startsAt, e.timeZone);
  const endsAt = instantOf(s.endsAt, e.timeZone);
  if (startsAt < e.startsAt || endsAt > e.endsAt) return { refusal: refused({ startsAt: "events.setup.errors.sessionOutside" }) };
  const [known] = await tx<{ n: number }[]>`select count(*)::int as n from public.event_speakers where event_id = ${e.id} and id = any (${s.speakerIds}::uuid[])`;
  if (known!.n !== s.speakerIds.length) return { refusal: refused({ speakerIds: "events.setup.errors.speaker" }) };
  return { row: { title_vi: s.titleVi, title_en: s.titleEn, room: s.room, starts_at: startsAt, ends_at: endsAt, speaker_ids: s.speakerIds } };
}

export async function addSession(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const form = parseInput(SessionSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    const e = await managedEvent(tx, eventId, true);
    const made = await sessionRow(tx, e, form.data);
    if ("refusal" in made) return made.refusal!;
    const [row] = await tx<{ id: string }[]>`insert into public.event_sessions ${tx({ ...made.row, event_id: e.id })} returning id`;
    await audit(tx, logOf(e, "event_session", row!.id, "session_added"));
    return ok;
  });
}

export const updateSession = (claims: Claims, eventId: string, input: unknown) =>
  changeRow(claims, eventId, input, { subjectType: "event_session", kind: "session_updated", lock: true, form: SessionSchema }, async (tx, e, id, s) => {
    const made = await sessionRow(tx, e, s);
    if ("refusal" in made) return made.refusal!;
    return (await tx`update public.event_sessions set ${tx(made.row)} where id = ${id} and event_id = ${e.id}`).count;
  });

export const removeSession = (claims: Claims, eventId: string, input: unknown) =>
  changeRow(claims, eventId, input, { subjectType: "event_session", kind: "session_removed" }, async (tx, e, id) => {
    return (await tx`delete from public.event_sessions where id = ${id} and event_id = ${e.id}`).count;
  });
