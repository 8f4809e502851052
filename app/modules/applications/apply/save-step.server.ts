import type { Claims } from "~/platform/db/transaction.server";
import { checkDeck, fieldName, parseStep, type StepErrors } from "./schema";
import { loadDraft, saveStep, uploadDeck } from "./drafts.server";

export type UploadedFile = { name: string; bytes: Uint8Array };
export type SaveStepOutcome =
  | { ok: true; nextStep: number | "review" }
  | { ok: false; reason: "locked" }
  | { ok: false; reason: "invalid"; errors: StepErrors };

/**
 * Save one step of a draft as the founder typed it: answers checked against the step's schema
 * (built from the call's questions), the pitch deck checked by content, then written. Nothing is
 * written when anything is malformed, so the person fixes it and loses nothing already saved.
 */
export async function saveDraftStep(
  claims: Claims,
  id: string,
  step: number,
  input: Record<string, unknown>,
  files: Record<string, UploadedFile | "too_big">,
): Promise<SaveStepOutcome> {
  const draft = await loadDraft(claims, id);
  if (draft.application.status !== "draft") return { ok: false, reason: "locked" };
  const questions = draft.questions.filter((q) => q.step === step);
  const parsed = parseStep(input, questions);
  const errors: StepErrors = parsed.ok ? {} : { ...parsed.errors };
  const uploads: { questionId: string; file: UploadedFile }[] = [];
  for (const q of questions.filter((x) => x.kind === "file")) {
    const file = files[fieldName(q)];
    if (file === "too_big") errors[fieldName(q)] = "apply.errors.deckTooBig";
    else if (file && file.bytes.length > 0) {
      const problem = checkDeck(file.bytes);
      if (problem) errors[fieldName(q)] = problem;
      else uploads.push({ questionId: q.id, file });
    }
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, reason: "invalid", errors };
  for (const u of uploads) {
    const done = await uploadDeck(claims, id, u.questionId, u.file);
    if (!done.ok) {
      if (done.error === "apply.errors.locked") return { ok: false, reason: "locked" };
      return { ok: false, reason: "invalid", errors: { [fieldName({ id: u.questionId })]: done.error } };
    }
  }
  const saved = await saveStep(claims, id, questions, parsed.data);
  if (!saved.ok) return { ok: false, reason: "locked" };
  const steps = [...new Set(draft.questions.map((q) => q.step))].sort((a, b) => a - b);
  const next = steps.find((s) => s > step);
  return { ok: true, nextStep: next ?? "review" };
}
