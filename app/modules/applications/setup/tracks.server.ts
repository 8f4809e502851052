import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { assertManagesCall, moved } from "../access.server";
import { parseInput, type Outcome } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { IdSchema, MoveSchema, TrackSchema } from "./schema";

// Tracks of a call (e.g. "Smart city", "Agritech"): add, rename, remove, reorder. Removing a
// track keeps the applications that chose it; they simply have no track any more.

const trackIds = async (tx: Tx, callId: string) =>
  (await tx<{ id: string }[]>`select id from public.call_tracks where call_id = ${callId} order by position, name_en`).map((r) => r.id);

export async function addTrack(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const form = parseInput(TrackSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    await tx`insert into public.call_tracks (call_id, position, name_vi, name_en)
             select ${id}, coalesce(max(position), 0) + 1, ${form.data.nameVi}, ${form.data.nameEn}
               from public.call_tracks where call_id = ${id}`;
    return { ok: true as const, value: undefined };
  });
}

export async function renameTrack(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const target = parseInput(IdSchema, input);
  const form = parseInput(TrackSchema, input);
  if (!target.ok) return target;
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const updated = await tx`update public.call_tracks set name_vi = ${form.data.nameVi}, name_en = ${form.data.nameEn}
                              where id = ${target.data.id} and call_id = ${id}`;
    if (updated.count !== 1) throw new NotFoundError();
    return { ok: true as const, value: undefined };
  });
}

export async function removeTrack(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const target = parseInput(IdSchema, input);
  if (!target.ok) return target;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const removed = await tx`delete from public.call_tracks where id = ${target.data.id} and call_id = ${id}`;
    if (removed.count !== 1) throw new NotFoundError();
    return { ok: true as const, value: undefined };
  });
}

export async function moveTrack(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const form = parseInput(MoveSchema, input);
  if (!form.ok) return form;
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const order = moved(await trackIds(tx, id), form.data.id, form.data.direction);
    if (order) {
      await tx`update public.call_tracks t set position = o.n
                 from unnest(${order}::uuid[]) with ordinality as o(id, n) where t.id = o.id and t.call_id = ${id}`;
    }
    return { ok: true as const, value: undefined };
  });
}
