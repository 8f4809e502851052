import { asUser, type Claims } from "~/platform/db/transaction.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { sessionFor } from "./access.server";
import { ItemDoneSchema, ItemSchema, NewItemSchema, NotesSchema } from "./schema";

// Notes and action items, shared by everyone who sees the session (the mentor, the startup's
// people, the programme's managers) and written by them only: RLS on both tables asks
// mentoring_sessions, so these commands only check input and turn "gone" into a message.

/** At most this many action items on one session: a list a person still reads. */
export const ITEMS_MAX = 50;

export async function saveNotes(claims: Claims, sessionId: string, input: unknown): Promise<Outcome> {
  const id = requireId(sessionId);
  const form = parseInput(NotesSchema, input);
  if (!form.ok) return form;
  await asUser(claims, async (tx) => {
    await sessionFor(tx, id);
    await tx`
      insert into public.mentoring_notes (session_id, body) values (${id}, ${form.data.body})
      on conflict (session_id) do update set body = excluded.body`;
  });
  return { ok: true, value: undefined };
}

export async function addItem(claims: Claims, sessionId: string, input: unknown): Promise<Outcome> {
  const id = requireId(sessionId);
  const form = parseInput(NewItemSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await sessionFor(tx, id);
    const [row] = await tx<{ n: number }[]>`select count(*)::int as n from public.mentoring_action_items where session_id = ${id}`;
    if (row!.n >= ITEMS_MAX) return refused({ body: "mentoring.sessions.errors.tooManyItems" });
    await tx`insert into public.mentoring_action_items (session_id, body) values (${id}, ${form.data.body})`;
    return { ok: true, value: undefined };
  });
}

export async function setItemDone(claims: Claims, sessionId: string, input: unknown): Promise<Outcome> {
  const id = requireId(sessionId);
  const form = parseInput(ItemDoneSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await sessionFor(tx, id);
    const done = await tx`update public.mentoring_action_items set done = ${form.data.done} where id = ${form.data.id} and session_id = ${id}`;
    return done.count === 1 ? { ok: true, value: undefined } : refused({ form: "mentoring.sessions.errors.itemGone" });
  });
}

export async function removeItem(claims: Claims, sessionId: string, input: unknown): Promise<Outcome> {
  const id = requireId(sessionId);
  const form = parseInput(ItemSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await sessionFor(tx, id);
    const gone = await tx`delete from public.mentoring_action_items where id = ${form.data.id} and session_id = ${id}`;
    return gone.count === 1 ? { ok: true, value: undefined } : refused({ form: "mentoring.sessions.errors.itemGone" });
  });
}
