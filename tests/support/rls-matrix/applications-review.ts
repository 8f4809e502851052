import { ALL, SIGNED_IN, NOBODY, type FunctionSpec, type TableSpec } from "./actors";

// The matrix rows of applications, reviewing and selecting: assignments, scores, notes, reviewers,
// the stored ranking, decisions, the cohort, and the capability's functions (./actors.ts says how to
// read them; setting up and applying: ./applications.ts).

export const TABLES: Record<string, TableSpec> = {
  review_assignments: {
    table: "review_assignments",
    row: "application_id = :app and reviewer_id = :assignedReviewerId",
    groups: {
      review: {
        columns: ["status", "recusal_reason", "comment", "internal_comment", "submitted_at"],
        select: ["assignedReviewer", "manager", "admin"],
        update: ["assignedReviewer", "manager", "admin"],
        set: "comment = 'changed'",
      },
      assignment: {
        columns: ["application_id", "reviewer_id", "round", "assigned_by", "assigned_at", "reminded_at"],
        select: ["assignedReviewer", "manager", "admin"],
        update: ["manager", "admin"],
        set: "reminded_at = now()",
      },
    },
    insert: { sql: "insert into public.review_assignments (application_id, reviewer_id) values (:app, :reviewerId)", allow: ["manager", "admin"] },
    delete: ["manager", "admin"],
  },
  review_scores: {
    table: "review_scores",
    row: "application_id = :app and reviewer_id = :assignedReviewerId and criterion_id = :criterion",
    groups: {
      score: { columns: ["level", "comment"], select: ["assignedReviewer", "manager", "admin"], update: ["assignedReviewer"], set: "level = 2" },
      record: {
        columns: ["application_id", "reviewer_id", "round", "criterion_id"],
        select: ["assignedReviewer", "manager", "admin"],
        update: ["assignedReviewer"],
        set: "criterion_id = :criterion2",
      },
    },
    insert: {
      sql: "insert into public.review_scores (application_id, reviewer_id, round, criterion_id, level) values (:app, auth.uid(), 'review', :criterion2, 3)",
      allow: ["assignedReviewer"],
    },
    delete: ["assignedReviewer"],
  },
  application_notes: {
    table: "application_notes",
    row: "application_id = :app",
    groups: {
      note: { columns: ["body"], select: ["manager", "admin"], update: NOBODY, set: "body = 'edited'" },
      record: { columns: ["id", "application_id", "author_id", "created_at"], select: ["manager", "admin"], update: NOBODY, set: "author_id = auth.uid()" },
    },
    insert: { sql: "insert into public.application_notes (application_id, body) values (:app, 'A note')", allow: ["manager", "admin"] },
    delete: NOBODY,
  },
  review_reminders: {
    table: "review_reminders",
    row: "call_id = :call",
    groups: {
      reminder: { columns: ["call_id", "reviewer_id", "kind", "sent_at"], select: ["manager", "admin"], update: NOBODY, set: "kind = 'overdue'" },
    },
    insert: { sql: "insert into public.review_reminders (call_id, reviewer_id, kind) values (:call, auth.uid(), 'overdue')", allow: NOBODY },
    delete: NOBODY,
  },
  // reviewers added to one call: members of its organisation, or guest judges by invitation
  call_reviewers: {
    table: "call_reviewers",
    row: "call_id = :call and user_id = :researcherId",
    groups: {
      reviewer: { columns: ["call_id", "user_id", "guest", "added_by", "added_at"], select: ["researcher", "manager", "admin"], update: NOBODY, set: "guest = true" },
    },
    // a member only, never a guest: guests join by accepting an invitation
    insert: {
      sql: "insert into public.call_reviewers (call_id, user_id, guest, added_by) values (:call, :partnerId, false, auth.uid())",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  reviewer_invitations: {
    table: "reviewer_invitations",
    row: "call_id = :call and email = 'matrix-judge@example.test'",
    groups: {
      invitation: {
        columns: ["id", "call_id", "email", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at"],
        select: ["manager", "admin"],
        update: ["manager", "admin"],
        set: "expires_at = now() + interval '1 year'",
      },
    },
    insert: {
      sql: "insert into public.reviewer_invitations (call_id, email, token_hash, invited_by, expires_at) values (:call, 'matrix-judge2@example.test', 'matrix-judge-hash', auth.uid(), now() + interval '1 day')",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  review_totals: {
    table: "review_totals",
    row: "application_id = :app",
    groups: {
      total: {
        columns: ["application_id", "reviewer_id", "round", "call_id", "total", "z"],
        select: ["manager", "admin"],
        update: NOBODY,
        set: "total = 100",
      },
    },
    insert: {
      sql: "insert into public.review_totals (application_id, reviewer_id, round, call_id, total) values (:draftApp, auth.uid(), 'review', :call2, 100)",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  application_scores: {
    table: "application_scores",
    row: "application_id = :app",
    groups: {
      score: {
        columns: ["application_id", "round", "call_id", "reviews", "normalised", "raw_score", "z_score"],
        select: ["manager", "admin"],
        update: NOBODY,
        set: "raw_score = 100",
      },
    },
    insert: {
      sql: "insert into public.application_scores (application_id, round, call_id, reviews, raw_score) values (:draftApp, 'review', :call2, 1, 100)",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  // each call's application counts, kept by triggers (20261208500000_call_application_tallies.sql)
  call_application_tallies: {
    table: "call_application_tallies",
    row: "call_id = :call",
    groups: {
      counts: { columns: ["call_id", "drafts", "submitted"], select: ["manager", "admin"], update: NOBODY, set: "drafts = 100" },
    },
    insert: { sql: "insert into public.call_application_tallies (call_id, drafts, submitted) values (gen_random_uuid(), 1, 1)", allow: NOBODY },
    delete: NOBODY,
  },
  // C's stored ranking (20261204100000_stored_ranking.sql): its managers read it, only its functions write it
  ranking_rows: {
    table: "ranking_rows",
    row: "application_id = :app",
    groups: {
      row: {
        columns: ["call_id", "application_id", "code", "startup", "reviews", "normalised", "pending", "recused", "abstained", "raw_score", "z_score", "rank", "percentile"],
        select: ["manager", "admin"],
        update: NOBODY,
        set: "rank = 1",
      },
    },
    insert: {
      sql: "insert into public.ranking_rows (call_id, application_id, code, startup, reviews, normalised, pending, recused, abstained, rank, percentile) values (:call2, :draftApp, 'X', 'X', 0, 0, 0, 0, 0, 1, 0)",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  ranking_stamps: {
    table: "ranking_stamps",
    row: "call_id = :call",
    groups: {
      stamp: { columns: ["call_id", "ranked_at", "applications"], select: ["manager", "admin"], update: NOBODY, set: "applications = 0" },
    },
    insert: { sql: "insert into public.ranking_stamps (call_id, applications) values (:call2, 0)", allow: NOBODY },
    delete: NOBODY,
  },
  ranking_changes: {
    table: "ranking_changes",
    row: "call_id = :call",
    groups: {
      change: { columns: ["call_id", "xact"], select: ["manager", "admin"], update: NOBODY, set: "call_id = :call2" },
    },
    insert: { sql: "insert into public.ranking_changes (call_id) values (:call2)", allow: NOBODY },
    delete: NOBODY,
  },
  // decisions not yet told: the call's managers only (a founder must not learn of one before the mail)
  pending_decisions: {
    table: "pending_decisions",
    row: "application_id = :app",
    groups: {
      decision: {
        columns: ["decision", "offer_expires_at", "include_message", "release_feedback", "warnings_overridden"],
        select: ["manager", "admin"],
        update: ["manager", "admin"],
        set: "decision = 'waitlisted'",
      },
      record: {
        columns: ["application_id", "call_id", "decided_by", "decided_at"],
        select: ["manager", "admin"],
        update: ["manager", "admin"],
        set: "decided_at = now() - interval '1 day'",
      },
    },
    insert: {
      sql: "insert into public.pending_decisions (application_id, call_id, decision) values (:offeredApp, :call2, 'rejected')",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  // the platform's audit trail: APP's submission, shared with startup S (application_events is a view of it)
  "audit_events (shared)": {
    table: "audit_events",
    row: "subject_id = :app and kind = 'status'",
    groups: {
      event: {
        columns: [
          "id",
          "org_id",
          "scope_id",
          "subject_type",
          "subject_id",
          "shared_startup_id",
          "actor_id",
          "kind",
          "from_value",
          "to_value",
          "detail",
          "created_at",
        ],
        select: ["founder", "manager", "admin"],
        update: NOBODY,
        set: "to_value = 'withdrawn'",
      },
    },
    insert: {
      sql: "insert into public.audit_events (org_id, scope_id, subject_type, subject_id, kind) values (:orgA, :call, 'application', :app, 'decision')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  // who reviews APP: the call's managers only, never its founders
  "audit_events (managers only)": {
    table: "audit_events",
    row: "subject_id = :app and kind = 'assigned'",
    groups: {
      event: {
        columns: [
          "id",
          "org_id",
          "scope_id",
          "subject_type",
          "subject_id",
          "shared_startup_id",
          "actor_id",
          "kind",
          "from_value",
          "to_value",
          "detail",
          "created_at",
        ],
        select: ["manager", "admin"],
        update: NOBODY,
        set: "detail = '{}'",
      },
    },
    insert: {
      sql: "insert into public.audit_events (org_id, scope_id, subject_type, subject_id, kind) values (:orgB, :otherCall, 'call', :otherCall, 'exported')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  decision_templates: {
    table: "decision_templates",
    row: "call_id = :call and decision = 'accepted'",
    groups: {
      body: { columns: ["body_vi", "body_en"], select: ["manager", "admin"], update: ["manager", "admin"], set: "body_en = 'Changed'" },
      record: { columns: ["call_id", "decision"], select: ["manager", "admin"], update: ["manager", "admin"], set: "decision = 'waitlisted'" },
    },
    insert: {
      sql: "insert into public.decision_templates (call_id, decision, body_vi, body_en) values (:call, 'rejected', 'a', 'b')",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  cohort_members: {
    table: "cohort_members",
    row: "program_id = :program and startup_id = :startupS2",
    groups: {
      member: { columns: ["program_id", "startup_id", "joined_at"], select: ALL, update: ["manager", "admin"], set: "joined_at = now() - interval '1 day'" },
      // which application brought the startup in would unmask a blind review
      link: { columns: ["application_id"], select: NOBODY, update: ["manager", "admin"], set: "application_id = null" },
    },
    insert: { sql: "insert into public.cohort_members (program_id, startup_id) values (:program, :startupS)", allow: ["manager", "admin"] },
    delete: ["manager", "admin"],
  },
};

export const FUNCTIONS: Record<string, FunctionSpec> = {
  "accept_reviewer_invitation(text)": { call: "select public.accept_reviewer_invitation('matrix-judge-token')", learns: NOBODY },
  // why accepting deserves a second look: for the call's managers only
  "acceptance_warnings(uuid)": { call: "select public.acceptance_warnings(:app)", learns: ["manager", "admin"] },
  // the reviewer learns what the call does not hide (here: the founders, not the organisation)
  "application_identity(uuid)": { call: "select * from public.application_identity(:app)", learns: ["assignedReviewer", "manager", "admin"] },
  "assigned_applications()": { call: "select * from public.assigned_applications() where id = :app", learns: ["assignedReviewer"] },
  // a call's application counts, for its managers only (settings pages, programme overviews)
  "call_application_counts(uuid)": { call: "select * from public.call_application_counts(:call)", learns: ["manager", "admin"] },
  "call_is_public(uuid)": { call: "select public.call_is_public(:call)", learns: ALL },
  // a pure function of its arguments (a call's status at an instant): reads no row
  "call_status(boolean,timestamp with time zone,timestamp with time zone,timestamp with time zone)": {
    call: "select public.call_status(true, now() - interval '1 day', now() + interval '1 day')",
    learns: SIGNED_IN,
  },
  "call_org_member(uuid,uuid)": { call: "select public.call_org_member(:call, :researcherId)", learns: ["manager", "admin"] },
  "call_ranking(uuid,app_stage)": { call: "select * from public.call_ranking(:call)", learns: ["manager", "admin"] },
  "founds_application(uuid)": { call: "select public.founds_application(:app)", learns: ["founder"] },
  "manages_application(uuid)": { call: "select public.manages_application(:app)", learns: ["manager", "admin"] },
  "manages_program(uuid)": { call: "select public.manages_program(:program)", learns: ["manager", "admin"] },
  "manages_call(uuid)": { call: "select public.manages_call(:call)", learns: ["manager", "admin"] },
  "my_review_assignment_refs()": { call: "select * from public.my_review_assignment_refs()", learns: ["assignedReviewer"] },
  "ranked_applications(uuid,app_stage)": { call: "select * from public.ranked_applications(:call)", learns: ["manager", "admin"] },
  "ranking_review_counts(uuid,uuid[])": { call: "select * from public.ranking_review_counts(:call, array[:app]::uuid[])", learns: ["manager", "admin"] },
  // one page of the stored ranking (ranked again first when stale): C's managers only
  "ranking_page(uuid,text,boolean,uuid,app_stage,boolean,app_decision,boolean,numeric,numeric,integer,integer)": {
    call: "select * from public.ranking_page(:call, 'rank', false, null, null, null, null, false, null, null, 50, 0)",
    learns: ["manager", "admin"],
  },
  // the manager's page of one application (C's submitted one), read in one statement: C's managers only
  "application_dossier(uuid,uuid,text,boolean,uuid,app_stage,boolean,app_decision,boolean,numeric)": {
    call: "select public.application_dossier(:call, :app, 'rank', false, null, null, null, null, false, null) as dossier",
    learns: ["manager", "admin"],
  },
  // an application's neighbours in the stored ranking (the one ranked application has none, but a row): C's managers only
  "ranking_neighbours(uuid,uuid,text,boolean,uuid,app_stage,boolean,app_decision,boolean,numeric)": {
    call: "select true as answered from public.ranking_neighbours(:call, :app, 'rank', false, null, null, null, null, false, null)",
    learns: ["manager", "admin"],
  },
  "respond_to_offer(uuid,boolean)": { call: "select public.respond_to_offer(:offeredApp, true)", learns: ["otherFounder"] },
  // APP's feedback is not released: nobody learns anything (tests/integration/feedback-release.test.ts covers release)
  "released_feedback(uuid)": { call: "select * from public.released_feedback(:app)", learns: NOBODY },
  "reviewer_conflicted(uuid,uuid)": { call: "select public.reviewer_conflicted(:app, :mentorId)", learns: ["manager", "admin"] },
  "reviewer_files(uuid)": { call: "select * from public.reviewer_files(:app)", learns: ["assignedReviewer"] },
  "reviews_application(uuid)": { call: "select public.reviews_application(:app)", learns: ["assignedReviewer"] },
  "reviews_call(uuid)": { call: "select public.reviews_call(:call)", learns: ["assignedReviewer"] },
  "reviews_sighted_application(uuid)": { call: "select public.reviews_sighted_application(:app)", learns: NOBODY },
  "withdraw_application(uuid)": { call: "select public.withdraw_application(:app)", learns: ["founder"] },
};
