import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { Bilingual } from "~/platform/i18n/i18n";
import type { ChoiceOption } from "../types";
import { NotFoundError } from "~/platform/db/errors.server";
import { requireId } from "~/platform/ids.server";
import { managedCall, type ManagedCall } from "../managed-call.server";
import { displayNames } from "../people.server";
import { decideControls, type DecideControls } from "./decisions.server";
import { rankingFilters } from "./ranking.server";
import type { RankingOrder } from "./schema";

// One application as its call's managers see it: every answer (blind ones marked), the deck,
// each reviewer's scores and comments, abstentions and recusals with their reasons, the kept
// totals, the status timeline and the managers' internal notes, with its neighbours in the
// order of the ranking page the manager came from (read from the stored ranking,
// ranking_neighbours()). One statement after the guard, one for the names.
export type DossierAnswer = {
  questionId: string;
  kind: "text" | "long_text" | "choice" | "multi_choice" | "number" | "file" | "link";
  label: Bilingual;
  blind: boolean;
  options: ChoiceOption[];
  value: unknown;
  file: { id: string; name: string; sizeBytes: number } | null;
};
export type DossierReview = {
  reviewerId: string;
  reviewer: string;
  status: "assigned" | "submitted" | "abstained" | "recused";
  reason: string | null;
  comment: string;
  /** the reviewer's comment for managers only */
  internal: string;
  submittedAt: string | null;
  total: number | null;
  z: number | null;
  scores: { criterionId: string; level: number; comment: string }[];
};
export type Dossier = {
  call: ManagedCall;
  application: {
    id: string;
    code: string;
    startup: string;
    status: "draft" | "submitted" | "withdrawn";
    stage: string;
    eligible: boolean | null;
    decision: "accepted" | "waitlisted" | "rejected" | null;
    offerExpiresAt: string | null;
    offerResponse: string | null;
    submittedAt: string | null;
    track: Bilingual | null;
  };
  answers: DossierAnswer[];
  criteria: { id: string; name: Bilingual; weight: number; maxLevel: number }[];
  reviews: DossierReview[];
  totals: { reviews: number; raw: number; z: number | null } | null;
  events: { kind: string; from: string | null; to: string | null; actor: string | null; at: string }[];
  notes: { id: string; author: string; body: string; at: string }[];
  neighbours: { prev: string | null; next: string | null };
  /** The decide controls: the pending (unsent) decision and the warnings. */
  decide: DecideControls;
};

type Row = Omit<Dossier, "call" | "reviews" | "events" | "notes" | "totals" | "decide"> & {
  totals: { reviews: number; raw: string; z: string | null } | null;
  reviews: (Omit<DossierReview, "reviewer" | "total" | "z"> & { total: string | null; z: string | null })[];
  events: (Omit<Dossier["events"][number], "actor"> & { actorId: string | null })[];
  notes: (Omit<Dossier["notes"][number], "author"> & { authorId: string })[];
};

const num = (v: string | null) => (v == null ? null : Number(v));

/** The order of the ranking page without a query string: by rank. */
const BY_RANK: RankingOrder = { sort: "rank", dir: "asc" };

/** The dossier, its neighbours in `order` (the ranking page's sort and filters the manager came from). */
export async function applicationDossier(claims: Claims, callId: string, applicationId: string, order: RankingOrder = BY_RANK): Promise<Dossier> {
  const id = requireId(applicationId);
  return asUser(claims, (tx) => dossierWithin(tx, callId, id, order));
}

/** The dossier inside the caller's transaction (tests/load/dossier-sql.ts measures it statement by statement). */
export async function dossierWithin(tx: Tx, callId: string, id: string, order: RankingOrder): Promise<Dossier> {
  const call = await managedCall(tx, callId);
  const only = rankingFilters(order);
  const [row] = await tx<Row[]>`
    select
      json_build_object('id', a.id, 'code', a.code, 'startup', s.name, 'status', a.status, 'stage', a.stage,
        'eligible', a.eligible, 'decision', a.decision, 'offerExpiresAt', a.offer_expires_at,
        'offerResponse', a.offer_response, 'submittedAt', a.submitted_at,
        'track', case when t.id is null then null else json_build_object('vi', t.name_vi, 'en', t.name_en) end) as application,
      coalesce((select json_agg(json_build_object(
                  'questionId', q.id, 'kind', q.kind, 'label', json_build_object('vi', q.label_vi, 'en', q.label_en),
                  'blind', q.blind, 'options', q.options, 'value', ans.value,
                  'file', case when f.id is null then null
                               else json_build_object('id', f.id, 'name', f.original_name, 'sizeBytes', f.size_bytes) end)
                  order by q.step, q.position, q.created_at)
                  from public.call_questions q
                  left join public.application_answers ans on ans.application_id = a.id and ans.question_id = q.id
                  left join public.application_files f on f.application_id = a.id and f.question_id = q.id
                 where q.call_id = a.call_id), '[]') as answers,
      coalesce((select json_agg(json_build_object('id', k.id, 'name', json_build_object('vi', k.name_vi, 'en', k.name_en),
                  'weight', k.weight, 'maxLevel', k.max_level) order by k.position, k.name_en)
                  from public.rubric_criteria k where k.call_id = a.call_id), '[]') as criteria,
      coalesce((select json_agg(json_build_object(
                  'reviewerId', r.reviewer_id, 'status', r.status, 'reason', r.recusal_reason, 'comment', r.comment, 'internal', r.internal_comment,
                  'submittedAt', r.submitted_at, 'total', rt.total, 'z', rt.z,
                  'scores', coalesce((select json_agg(json_build_object('criterionId', sc.criterion_id, 'level', sc.level, 'comment', sc.comment))
                                        from public.review_scores sc
                                       where sc.application_id = r.application_id and sc.reviewer_id = r.reviewer_id
                                         and sc.round = r.round), '[]'))
                  order by r.assigned_at, r.reviewer_id)
                  from public.review_assignments r
                  left join public.review_totals rt
                    on rt.application_id = r.application_id and rt.reviewer_id = r.reviewer_id and rt.round = r.round
                 where r.application_id = a.id and r.round = 'review'), '[]') as reviews,
      (select json_build_object('reviews', x.reviews, 'raw', x.raw_score, 'z', x.z_score)
         from public.application_scores x where x.application_id = a.id and x.round = 'review') as totals,
      coalesce((select json_agg(json_build_object('kind', e.kind, 'from', e.from_value, 'to', e.to_value,
                  'actorId', e.actor_id, 'at', e.created_at) order by e.created_at, e.id)
                  from public.application_events e where e.application_id = a.id), '[]') as events,
      coalesce((select json_agg(json_build_object('id', n.id, 'authorId', n.author_id, 'body', n.body, 'at', n.created_at)
                  order by n.created_at)
                  from public.application_notes n where n.application_id = a.id), '[]') as notes,
      (select json_build_object('prev', n.prev, 'next', n.next)
         from public.ranking_neighbours(a.call_id, a.id, ${order.sort}, ${order.dir === "desc"}, ${only.track}, ${only.stage}, ${only.eligible},
                                        ${only.decision}, ${only.undecided}, ${only.minScore}) n) as neighbours
    from public.applications a
    join public.startups s on s.id = a.startup_id
    left join public.call_tracks t on t.id = a.track_id
   where a.id = ${id} and a.call_id = ${call.id}`;
  if (!row) throw new NotFoundError();
  const names = await displayNames(tx, [
    ...row.reviews.map((r) => r.reviewerId),
    ...row.events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
    ...row.notes.map((n) => n.authorId),
  ]);
  return {
    ...row,
    call,
    decide: await decideControls(tx, row.application.id),
    totals: row.totals && { reviews: row.totals.reviews, raw: Number(row.totals.raw), z: num(row.totals.z) },
    reviews: row.reviews.map((r) => ({ ...r, reviewer: names[r.reviewerId] ?? "—", total: num(r.total), z: num(r.z) })),
    events: row.events.map(({ actorId, ...e }) => ({ ...e, actor: actorId ? (names[actorId] ?? null) : null })),
    notes: row.notes.map(({ authorId, ...n }) => ({ ...n, author: names[authorId] ?? "—" })),
    neighbours: row.neighbours ?? { prev: null, next: null },
  };
}

/** An internal note by one of the call's managers (RLS checks who may write it, and sets no other author). */
export async function addNote(claims: Claims, callId: string, applicationId: string, body: string): Promise<void> {
  const id = requireId(applicationId);
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const inserted = await tx`
      insert into public.application_notes (application_id, body)
      select a.id, ${body} from public.applications a where a.id = ${id} and a.call_id = ${call.id}`;
    if (inserted.count !== 1) throw new NotFoundError();
  });
}
