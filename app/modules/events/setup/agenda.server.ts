import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { audit } from "~/platform/audit/audit.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import type { Bilingual } from "~/platform/i18n/i18n";
import { moved } from "~/platform/ordered";
import { requireManaged, type ManagedEvent } from "./access.server";
import { IdSchema, MoveSchema, SessionSchema, SpeakerSchema, type SessionInput } from "./schema";
import { instantOf, localOf } from "./time";

// An event's agenda: speakers (in the order the organisers choose) and sessions (in time order,
// within the event's days, each with some of the event's speakers). Every change is audited.

export type SpeakerRow = { id: string; name: string; affiliation: string; bio: Bilingual };
export type SessionRow = { id: string; title: Bilingual; room: string; startsLocal: string; endsLocal: string; speakerIds: string[] };
export type AgendaPage = { timeZone: string; startsLocal: string; endsLocal: string; speakers: SpeakerRow[]; sessions: SessionRow[] };

export function agendaPage(claims: Claims, eventId: string): Promise<AgendaPage> {
  return asUser(claims, async (tx) => {
    const e = await requireManaged(tx, eventId);
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

// ---- speakers ----------------------------------------------------------------------------------

export async function addSpeaker(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const form = parseInput(SpeakerSchema, input);
  if (!form.ok) return form;
  const s = form.data;
  return asUser(claims, async (tx) => {
    const e = await requireManaged(tx, eventId, true);
    const [row] = await tx<{ id: string }[]>`
      insert into public.event_speakers (event_id, name, affiliation, bio_vi, bio_en, position)
      select ${e.id}, ${s.name}, ${s.affiliation}, ${s.bioVi}, ${s.bioEn}, coalesce(max(position), 0) + 1 from public.event_speakers where event_id = ${e.id}
      returning id`;
    await audit(tx, logOf(e, "event_speaker", row!.id, "speaker_added"));
    return ok;
  });
}

export async function updateSpeaker(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  const form = parseInput(SpeakerSchema, input);
  if (!form.ok) return form;
  const s = form.data;
  return asUser(claims, async (tx) => {
    const e = await requireManaged(tx, eventId);
    const updated = await tx`update public.event_speakers set name = ${s.name}, affiliation = ${s.affiliation}, bio_vi = ${s.bioVi}, bio_en = ${s.bioEn}
                              where id = ${target.data.id} and event_id = ${e.id}`;
    if (updated.count !== 1) throw new NotFoundError();
    await audit(tx, logOf(e, "event_speaker", target.data.id, "speaker_updated"));
    return ok;
  });
}

/** A removed speaker leaves the sessions they were on. */
export async function removeSpeaker(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  return asUser(claims, async (tx) => {
    const e = await requireManaged(tx, eventId, true);
    const removed = await tx`delete from public.event_speakers where id = ${target.data.id} and event_id = ${e.id}`;
    if (removed.count !== 1) throw new NotFoundError();
    await tx`update public.event_sessions set speaker_ids = array_remove(speaker_ids, ${target.data.id}::uuid)
              where event_id = ${e.id} and ${target.data.id}::uuid = any (speaker_ids)`;
    await audit(tx, logOf(e, "event_speaker", target.data.id, "speaker_removed"));
    return ok;
  });
}

export async function moveSpeaker(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const form = parseInput(MoveSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    // the event's lock puts two moves in line, so each reads the order the other left
    const e = await requireManaged(tx, eventId, true);
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
    const e = await requireManaged(tx, eventId, true);
    const made = await sessionRow(tx, e, form.data);
    if ("refusal" in made) return made.refusal!;
    const [row] = await tx<{ id: string }[]>`insert into public.event_sessions ${tx({ ...made.row, event_id: e.id })} returning id`;
    await audit(tx, logOf(e, "event_session", row!.id, "session_added"));
    return ok;
  });
}

export async function updateSession(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  const form = parseInput(SessionSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    const e = await requireManaged(tx, eventId, true);
    const made = await sessionRow(tx, e, form.data);
    if ("refusal" in made) return made.refusal!;
    const updated = await tx`update public.event_sessions set ${tx(made.row)} where id = ${target.data.id} and event_id = ${e.id}`;
    if (updated.count !== 1) throw new NotFoundError();
    await audit(tx, logOf(e, "event_session", target.data.id, "session_updated"));
    return ok;
  });
}

export async function removeSession(claims: Claims, eventId: string, input: unknown): Promise<Outcome> {
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  return asUser(claims, async (tx) => {
    const e = await requireManaged(tx, eventId);
    const removed = await tx`delete from public.event_sessions where id = ${target.data.id} and event_id = ${e.id}`;
    if (removed.count !== 1) throw new NotFoundError();
    await audit(tx, logOf(e, "event_session", target.data.id, "session_removed"));
    return ok;
  });
}
