import { toCsv } from "~/platform/csv.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import { tFor, type Locale } from "~/platform/i18n/i18n";
import { requireId } from "~/platform/ids.server";
import { assertManagesCall } from "../access.server";
import { auditExport } from "../audit.server";
import { managedCall } from "../managed-call.server";
import "../strings";
import type { ChoiceOption, Question } from "../types";

type ExportRow = {
  code: string;
  startup: string;
  track: { vi: string; en: string } | null;
  stage: string;
  eligible: boolean | null;
  decision: string | null;
  submitted_at: Date | null;
  reviews: number;
  raw_score: string | null;
  z_score: string | null;
  rank: number;
  percentile: string;
  answers: Record<string, unknown>;
  files: Record<string, string>;
};

/**
 * Every submitted application of a call with its answers (one column per question, labelled in
 * the viewer's language) and its scores (raw, z, rank), as CSV. Questions and rows in one
 * statement each; toCsv quotes and neutralises spreadsheet formulas.
 */
export function exportCsv(claims: Claims, callId: string, locale: Locale): Promise<{ filename: string; csv: string }> {
  const id = requireId(callId);
  return asUser(claims, async (tx) => {
    // As on the call's pages: a call the viewer may read but not manage is a 403, not a 404.
    await assertManagesCall(tx, id);
    const call = await managedCall(tx, id);
    const [questions, rows] = await Promise.all([
      tx<Pick<Question, "id" | "kind" | "label" | "options">[]>`
        select id, kind, json_build_object('vi', label_vi, 'en', label_en) as label, options
          from public.call_questions where call_id = ${call.id} order by step, position, created_at`,
      tx<ExportRow[]>`
        select r.code, r.startup,
               case when r.track_id is null then null else json_build_object('vi', r.track_vi, 'en', r.track_en) end as track,
               r.stage, r.eligible, r.decision, r.submitted_at, r.reviews, r.raw_score, r.z_score, r.rank, r.percentile,
               coalesce((select json_object_agg(x.question_id, x.value) from public.application_answers x
                          where x.application_id = r.application_id), '{}') as answers,
               coalesce((select json_object_agg(f.question_id, f.original_name) from public.application_files f
                          where f.application_id = r.application_id), '{}') as files
          from public.ranked_applications(${call.id}) r
         order by r.rank, r.code`,
    ]);
    const t = tFor(locale);
    const header = [
      ...["code", "startup", "track", "stage", "eligible", "decision", "submittedAt", "reviews", "raw", "z", "rank", "percentile"].map((k) =>
        t(`select.export.columns.${k}`),
      ),
      ...questions.map((q) => q.label[locale]),
    ];
    const yesNo = (v: boolean | null) => (v == null ? "" : t(v ? "select.common.yes" : "select.common.no"));
    const records = rows.map((r) => [
      r.code,
      r.startup,
      r.track?.[locale] ?? "",
      t(`select.stages.${r.stage}`),
      yesNo(r.eligible),
      r.decision ? t(`select.decisions.${r.decision}`) : "",
      r.submitted_at ? new Date(r.submitted_at).toISOString() : "",
      r.reviews,
      r.raw_score ?? "",
      r.z_score ?? "",
      r.rank,
      r.percentile,
      ...questions.map((q) => (q.kind === "file" ? (r.files[q.id] ?? "") : answerText(r.answers[q.id], q.options, locale))),
    ]);
    await auditExport(tx, call, "csv", records.length);
    return { filename: `${call.slug}-applications.csv`, csv: toCsv([header, ...records]) };
  });
}

/** An answer as a person reads it: choices by their label in the viewer's language. */
export function answerText(value: unknown, options: ChoiceOption[], locale: Locale): string {
  if (value == null) return "";
  const label = (v: unknown) => options.find((o) => o.value === v)?.[locale] ?? String(v);
  if (Array.isArray(value)) return value.map(label).join("; ");
  if (options.length > 0) return label(value);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
