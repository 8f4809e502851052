import { auditFileRead } from "../audit.server";
import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { removeUnusedFile, saveFile } from "~/platform/storage/files.server";
import { checkDeck, fieldName, type AnswerValue } from "./schema";
import { loadCallForm } from "../call-form.server";
import { raisedName } from "../outcomes.server";
import type { CallForm, Question } from "../types";

export type StartOutcome = { ok: true; id: string } | { ok: false; reason: "call_closed" | "bad_track" | "not_founder" };

/**
 * Start (or find) the draft of one of the viewer's startups for a call: one per startup and call,
 * kept by the unique key, so a second click or a second founder lands on the same draft.
 * A call that is not published (or not there) is not found.
 */
export async function startApplication(claims: Claims, slug: string, input: { startupId: string; trackId?: string }): Promise<StartOutcome> {
  try {
    return await asUser(claims, async (tx) => {
      const [call] = await tx<{ id: string; track_ok: boolean; founder: boolean }[]>`
        select c.id,
               ${input.trackId ?? null}::uuid is null
                 or exists (select 1 from public.call_tracks t where t.call_id = c.id and t.id = ${input.trackId ?? null}::uuid) as track_ok,
               public.is_startup_member(${input.startupId}) as founder
          from public.calls c where c.slug = ${slug} and c.published`;
      if (!call) throw new NotFoundError();
      if (!call.founder) return { ok: false, reason: "not_founder" } as const;
      if (!call.track_ok) return { ok: false, reason: "bad_track" } as const;
      const [created] = await tx<{ id: string }[]>`
        insert into public.applications (call_id, startup_id, track_id, created_by)
        values (${call.id}, ${input.startupId}, ${input.trackId ?? null}, ${claims.sub})
        on conflict (call_id, startup_id) do nothing returning id`;
      if (created) return { ok: true, id: created.id } as const;
      const [existing] = await tx<{ id: string }[]>`
        select id from public.applications where call_id = ${call.id} and startup_id = ${input.startupId}`;
      return { ok: true, id: existing!.id } as const;
    });
  } catch (error) {
    if (raisedName(error) === "call_closed") return { ok: false, reason: "call_closed" };
    if (error instanceof ForbiddenError) return { ok: false, reason: "not_founder" };
    throw error;
  }
}

export type DraftFile = { id: string; questionId: string; originalName: string; sizeBytes: number };
export type Draft = CallForm & {
  application: { id: string; code: string; status: string; startupName: string; trackId: string | null; submittedAt: string | null };
  answers: Record<string, AnswerValue>;
  files: DraftFile[];
};

/** Everything the form needs: the application, its call's form, saved answers and files; not found unless the viewer founds it. */
export async function loadDraftIn(tx: Tx, id: string): Promise<Draft> {
  const [app] = await tx<(Draft["application"] & { callId: string; answers: Record<string, AnswerValue>; files: DraftFile[] })[]>`
    select a.id, a.code, a.status, s.name as "startupName", a.track_id as "trackId", a.submitted_at as "submittedAt",
           a.call_id as "callId",
           coalesce((select json_object_agg(x.question_id, x.value) from public.application_answers x where x.application_id = a.id), '{}') as answers,
           coalesce((select json_agg(json_build_object('id', f.id, 'questionId', f.question_id, 'originalName', f.original_name,
                       'sizeBytes', f.size_bytes) order by f.created_at)
                       from public.application_files f where f.application_id = a.id), '[]') as files
      from public.applications a join public.startups s on s.id = a.startup_id
     where a.id = ${id} and public.is_startup_member(a.startup_id)`;
  if (!app) throw new NotFoundError();
  const form = await loadCallForm(tx, { id: app.callId });
  if (!form) throw new NotFoundError();
  const { callId: _callId, answers, files, ...application } = app;
  return { ...form, application, answers, files };
}

export const loadDraft = (claims: Claims, id: string) => asUser(claims, (tx) => loadDraftIn(tx, id));

/** The steps of a call's form, in order (the numbers managers gave them need not be 1, 2, 3). */
export const stepsOf = (questions: Question[]) => [...new Set(questions.map((q) => q.step))].sort((a, b) => a - b);

export type SaveOutcome = { ok: true } | { ok: false; reason: "locked" | "call_closed" };

/**
 * Save one step's answers: blank ones are removed, the others written. The database refuses
 * changes to anything but a draft of an open call (application_locked).
 */
export async function saveStep(claims: Claims, id: string, questions: Question[], data: Record<string, AnswerValue | undefined>): Promise<SaveOutcome> {
  const rows = questions
    .filter((q) => q.kind !== "file")
    .map((q) => ({ question_id: q.id, value: data[fieldName(q)] }))
    .map((r) => ({ ...r, value: Array.isArray(r.value) && r.value.length === 0 ? undefined : r.value }));
  const filled = rows.filter((r) => r.value !== undefined);
  const blank = rows.filter((r) => r.value === undefined).map((r) => r.question_id);
  try {
    return await asUser(claims, async (tx) => {
      const [app] = await tx<{ status: string }[]>`
        select status from public.applications where id = ${id} and public.is_startup_member(startup_id)`;
      if (!app) throw new NotFoundError();
      if (blank.length > 0) {
        await tx`delete from public.application_answers where application_id = ${id} and question_id = any(${blank}::uuid[])`;
      }
      if (filled.length > 0) {
        await tx`
          insert into public.application_answers (application_id, question_id, value)
          select ${id}, (r->>'question_id')::uuid, r->'value'
            from jsonb_array_elements(${tx.json(filled as never)}::jsonb) r
              join public.call_questions q on q.id = (r->>'question_id')::uuid
              join public.applications a on a.id = ${id} and a.call_id = q.call_id
          on conflict (application_id, question_id) do update set value = excluded.value, updated_at = now()`;
      }
      // a no-op save of a locked application still tells the person it is locked
      if (app.status !== "draft") return { ok: false, reason: "locked" } as const;
      return { ok: true } as const;
    });
  } catch (error) {
    const name = raisedName(error);
    if (name === "application_locked") return { ok: false, reason: "locked" };
    throw error;
  }
}

export type UploadOutcome = { ok: true; fileId: string } | { ok: false; error: string };

/**
 * Attach the pitch deck to a file question: a PDF by content, at most 10 MB, under a generated name.
 * The file it replaces is removed only once the new one is committed; a refused or failed save
 * keeps the old one and drops the new upload. A store that fails to remove leaves the object behind
 * (logged): the upload stands.
 */
export async function uploadDeck(claims: Claims, id: string, questionId: string, file: { name: string; bytes: Uint8Array }): Promise<UploadOutcome> {
  const problem = checkDeck(file.bytes);
  if (problem) return { ok: false, error: problem };
  const stored = await saveFile("decks", "pdf", file.bytes);
  let result: { outcome: UploadOutcome; replaced: string | null };
  try {
    result = await asUser(claims, async (tx) => {
      const [q] = await tx<{ draft: boolean; previous: string | null }[]>`
        select a.status = 'draft' as draft, f.storage_path as previous
          from public.applications a join public.call_questions q on q.call_id = a.call_id
          left join public.application_files f on f.application_id = a.id and f.question_id = q.id
         where a.id = ${id} and q.id = ${questionId} and q.kind = 'file' and public.is_startup_member(a.startup_id)
           for update of a`;
      // not the viewer's draft, or not one of its file questions (the new file is removed below)
      if (!q) throw new NotFoundError();
      if (!q.draft) return { outcome: { ok: false, error: "apply.errors.locked" }, replaced: stored } as const;
      const name = file.name.replace(/[\u0000-\u001f/\\]/g, "_").slice(-200) || "deck.pdf";
      const [row] = await tx<{ id: string }[]>`
        insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type, uploaded_by)
        values (${id}, ${questionId}, ${stored}, ${name}, ${file.bytes.length}, 'application/pdf', ${claims.sub})
        on conflict (application_id, question_id) do update
          set storage_path = excluded.storage_path, original_name = excluded.original_name, size_bytes = excluded.size_bytes,
              uploaded_by = ${claims.sub}, created_at = now()
        returning id`;
      return { outcome: { ok: true, fileId: row!.id }, replaced: q.previous } as const;
    });
  } catch (error) {
    await removeUnusedFile(stored);
    if (raisedName(error) === "application_locked") return { ok: false, error: "apply.errors.locked" };
    throw error;
  }
  await removeUnusedFile(result.replaced);
  return result.outcome;
}

/**
 * A stored file of an application, if the viewer may read it: founders and the call's managers
 * from the table (RLS), assigned non-recused reviewers through reviewer_files(), which leaves out
 * blind questions and names the file by the application's code under blind review. Not found otherwise.
 */
export async function applicationFile(claims: Claims, applicationId: string, fileId: string) {
  const [row] = await asUser(claims, async (tx) => {
    // a manager's download is an export of applicants' data: recorded in the same transaction
    await auditFileRead(tx, applicationId, fileId);
    return tx<{ storagePath: string; originalName: string }[]>`
      select f.storage_path as "storagePath", f.original_name as "originalName"
        from public.application_files f
       where f.id = ${fileId} and f.application_id = ${applicationId}
         and (public.founds_application(f.application_id) or public.manages_application(f.application_id))
      union all
      select r.storage_path, r.name from public.reviewer_files(${applicationId}) r where r.id = ${fileId}
      limit 1`;
  });
  if (!row) throw new NotFoundError();
  return row;
}
