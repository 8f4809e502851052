import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { Bilingual } from "~/platform/i18n/i18n";
import type { ChoiceOption } from "../types";
import { NotFoundError } from "~/platform/db/errors.server";
import { requireId } from "~/platform/ids.server";
import { managedCall, managedCallJson, managedCallOf, type ManagedCall, type ManagedCallJson } from "../managed-call.server";
import type { DecideControls } from "./decisions.server";
import { rankingFilters } from "./ranking.server";
import type { RankingOrder } from "./schema";

// One application as its call's managers see it: every answer (blind ones marked), the deck,
// each reviewer's scores and comments, abstentions and recusals with their reasons, the kept
// totals, the status timeline and the managers' internal notes, with its neighbours in the
// order of the ranking page the manager came from (read from the stored ranking,
// ranking_neighbours()). One statement after the guard (application_dossier()).
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

type Row = Omit<Dossier, "call" | "reviews" | "totals"> & {
  totals: { reviews: number; raw: string; z: string | null } | null;
  reviews: (Omit<DossierReview, "total" | "z"> & { total: string | null; z: string | null })[];
};

const num = (v: string | null) => (v == null ? null : Number(v));

/** The order of the ranking page without a query string: by rank. */
const BY_RANK: RankingOrder = { sort: "rank", dir: "asc" };

/** The dossier, its neighbours in `order` (the ranking page's sort and filters the manager came from). */
export async function applicationDossier(
  claims: Claims,
  callId: string,
  applicationId: string,
  order: RankingOrder = BY_RANK,
  alongside?: (tx: Tx) => void,
): Promise<Dossier> {
  const id = requireId(applicationId);
  return asUser(claims, (tx) => {
    alongside?.(tx); // e.g. the call layout's heading, in this transaction
    return dossierWithin(tx, callId, id, order);
  });
}

/**
 * The dossier inside the caller's transaction: application_dossier() reads it in one statement
 * after checking the caller once, where reading it under RLS ran a policy function per row of
 * reviews, scores and timeline (migration 20261205100100; tests/load/dossier-sql.ts measures it).
 */
export async function dossierWithin(tx: Tx, callId: string, id: string, order: RankingOrder): Promise<Dossier> {
  const only = rankingFilters(order);
  const callKey = requireId(callId);
  // managedCall's read and the dossier in one statement: application_dossier() checks the caller
  // itself (null for a stranger), so it need not wait for managedCall's answer.
  const [row] = await tx<{ call: ManagedCallJson | null; dossier: Row | null }[]>`
    select ${managedCallJson(tx, callKey)} as call,
           public.application_dossier(${callKey}, ${id}, ${order.sort}, ${order.dir === "desc"}, ${only.track}, ${only.stage},
                                      ${only.eligible}, ${only.decision}, ${only.undecided}, ${only.minScore}) as dossier`;
  const call = managedCallOf(row?.call ?? null);
  const dossier = row?.dossier;
  if (!dossier) throw new NotFoundError();
  return {
    ...dossier,
    call,
    totals: dossier.totals && { reviews: dossier.totals.reviews, raw: Number(dossier.totals.raw), z: num(dossier.totals.z) },
    reviews: dossier.reviews.map((r) => ({ ...r, total: num(r.total), z: num(r.z) })),
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
