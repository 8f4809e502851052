import { ALL, NOBODY, type TableSpec } from "./actors";

// The matrix rows of applications, setting up and applying: programmes, calls, their questions and
// rubrics, applications, answers, files (./actors.ts says how to read them; review and selection:
// ./applications-review.ts).

export const TABLES: Record<string, TableSpec> = {
  programs: {
    table: "programs",
    row: "id = :program",
    groups: {
      content: {
        columns: ["slug", "name_vi", "name_en", "description_vi", "description_en"],
        select: ALL,
        update: ["manager", "admin"],
        set: "name_en = 'Changed'",
      },
      record: { columns: ["id", "org_id", "created_at"], select: ALL, update: ["admin"], set: "org_id = :orgB" },
      mentoring: { columns: ["mentoring_hours_per_startup"], select: ALL, update: ["manager", "admin"], set: "mentoring_hours_per_startup = 20" },
      matching: { columns: ["match_mode", "request_days"], select: ALL, update: ["manager", "admin"], set: "match_mode = 'cohort'" },
    },
    insert: {
      sql: "insert into public.programs (org_id, slug, name_vi, name_en) values (:orgA, 'matrix-new-prog', 'a', 'b')",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  calls: {
    table: "calls",
    row: "id = :call",
    groups: {
      content: {
        columns: ["slug", "title_vi", "title_en", "description_vi", "description_en", "step_titles"],
        select: ALL,
        update: ["manager", "admin"],
        set: "title_en = 'Changed'",
      },
      schedule: {
        columns: ["opens_at", "closes_at", "time_zone", "published"],
        select: ALL,
        update: ["manager", "admin"],
        set: "closes_at = closes_at + interval '1 day'",
      },
      review: {
        columns: ["blind_fields", "reviews_per_application", "shortlist_threshold", "offer_days", "review_due_at", "z_min_reviews"],
        select: ALL,
        update: ["manager", "admin"],
        set: "blind_fields = '{}'",
      },
      record: { columns: ["id", "program_id", "created_at"], select: ALL, update: ["admin"], set: "program_id = :otherProgram" },
    },
    insert: {
      sql: "insert into public.calls (program_id, slug, title_vi, title_en, opens_at, closes_at) values (:program, 'matrix-new-call', 'a', 'b', now(), now() + interval '1 day')",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  call_tracks: {
    table: "call_tracks",
    row: "id = :track",
    groups: {
      content: { columns: ["position", "name_vi", "name_en"], select: ALL, update: ["manager", "admin"], set: "name_en = 'Changed'" },
      record: { columns: ["id", "call_id"], select: ALL, update: ["admin"], set: "call_id = :otherCall" },
    },
    insert: { sql: "insert into public.call_tracks (call_id, name_vi, name_en) values (:call, 'a', 'b')", allow: ["manager", "admin"] },
    delete: ["manager", "admin"],
  },
  call_questions: {
    table: "call_questions",
    row: "id = :question",
    groups: {
      content: {
        columns: ["step", "position", "label_vi", "label_en", "help_vi", "help_en", "options"],
        select: ALL,
        update: ["manager", "admin"],
        set: "label_en = 'Changed'",
      },
      rules: {
        columns: ["kind", "required", "max_length", "min_number", "max_number", "blind", "eligibility_values"],
        select: ALL,
        update: ["manager", "admin"],
        set: "blind = true",
      },
      record: { columns: ["id", "call_id", "created_at"], select: ALL, update: ["admin"], set: "call_id = :otherCall" },
    },
    insert: {
      sql: "insert into public.call_questions (call_id, kind, label_vi, label_en) values (:call, 'text', 'a', 'b')",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  rubric_criteria: {
    table: "rubric_criteria",
    row: "id = :criterion",
    groups: {
      content: {
        columns: ["position", "name_vi", "name_en", "description_vi", "description_en"],
        select: ALL,
        update: ["manager", "admin"],
        set: "name_en = 'Changed'",
      },
      weighting: { columns: ["weight", "comment_required", "max_level"], select: ALL, update: ["manager", "admin"], set: "weight = 2" },
      record: { columns: ["id", "call_id"], select: ALL, update: ["admin"], set: "call_id = :otherCall" },
    },
    insert: {
      sql: "insert into public.rubric_criteria (call_id, name_vi, name_en, weight) values (:call, 'a', 'b', 1)",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  rubric_levels: {
    table: "rubric_levels",
    row: "criterion_id = :criterion and level = 1",
    groups: {
      content: { columns: ["description_vi", "description_en"], select: ALL, update: ["manager", "admin"], set: "description_en = 'Changed'" },
      record: { columns: ["criterion_id", "level"], select: ALL, update: ["manager", "admin"], set: "level = 9" },
    },
    insert: {
      sql: "insert into public.rubric_levels (criterion_id, level, description_vi, description_en) values (:criterion, 5, 'a', 'b')",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  "applications (submitted)": {
    table: "applications",
    row: "id = :app",
    groups: {
      identity: {
        columns: ["id", "call_id", "startup_id", "code", "created_by", "created_at"],
        select: ["founder", "manager", "admin"],
        update: ["manager", "admin"],
        set: "created_by = :strangerId",
      },
      founder: {
        columns: ["track_id", "status", "submit_key", "submitted_at", "updated_at"],
        select: ["founder", "manager", "admin"],
        update: ["manager", "admin"],
        set: "track_id = null",
      },
      selection: {
        columns: ["stage", "eligible", "decision", "decided_at", "feedback_released", "notified_at"],
        select: ["founder", "manager", "admin"],
        update: ["manager", "admin"],
        set: "stage = 'interview'",
      },
      offer: {
        columns: ["offer_expires_at", "offer_response", "responded_at"],
        select: ["founder", "manager", "admin"],
        update: ["manager", "admin"],
        set: "offer_expires_at = now() + interval '30 days'",
      },
    },
    insert: {
      sql: "insert into public.applications (call_id, startup_id, created_by) values (:call, :startupS2, auth.uid())",
      allow: ["otherFounder"],
    },
    delete: NOBODY,
  },
  "applications (draft)": {
    table: "applications",
    row: "id = :draftApp",
    groups: {
      identity: {
        columns: ["id", "call_id", "startup_id", "code", "created_by", "created_at"],
        select: ["founder", "manager", "admin"],
        update: ["manager", "admin"],
        set: "created_by = :strangerId",
      },
      founder: {
        columns: ["track_id", "status", "submit_key", "submitted_at", "updated_at"],
        select: ["founder", "manager", "admin"],
        update: ["founder", "manager", "admin"],
        set: "track_id = null",
      },
      selection: {
        columns: ["stage", "eligible", "decision", "decided_at", "feedback_released", "notified_at"],
        select: ["founder", "manager", "admin"],
        update: ["manager", "admin"],
        set: "stage = 'interview'",
      },
      offer: {
        columns: ["offer_expires_at", "offer_response", "responded_at"],
        select: ["founder", "manager", "admin"],
        update: ["manager", "admin"],
        set: "offer_expires_at = now() + interval '30 days'",
      },
    },
    insert: {
      sql: "insert into public.applications (call_id, startup_id, created_by, decision) values (:call2, :startupS2, auth.uid(), 'accepted')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  application_answers: {
    table: "application_answers",
    row: "application_id = :app and question_id = :question",
    groups: {
      answer: {
        columns: ["value", "updated_at"],
        select: ["founder", "manager", "assignedReviewer", "admin"],
        update: NOBODY,
        set: "value = '\"changed\"'",
      },
      record: {
        columns: ["application_id", "question_id"],
        select: ["founder", "manager", "assignedReviewer", "admin"],
        update: NOBODY,
        set: "question_id = :blindQuestion",
      },
    },
    insert: {
      sql: "insert into public.application_answers (application_id, question_id, value) values (:app, :blindQuestion, '\"x\"')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  application_files: {
    table: "application_files",
    row: "id = :file",
    groups: {
      // the founder's own file name may name them: not for reviewers of a blind call
      name: { columns: ["original_name"], select: ["founder", "manager", "admin"], update: NOBODY, set: "original_name = 'other.pdf'" },
      stored: {
        columns: ["id", "application_id", "question_id", "storage_path", "size_bytes", "content_type", "created_at"],
        select: ["founder", "manager", "admin"],
        update: NOBODY,
        set: "application_id = :draftApp",
      },
      // who uploaded it names a founder: nobody reads it as a user
      uploader: { columns: ["uploaded_by"], select: NOBODY, update: NOBODY, set: "uploaded_by = auth.uid()" },
    },
    insert: {
      sql: "insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type, uploaded_by) values (:app, :blindQuestion, 'decks/x.pdf', 'x.pdf', 5, 'application/pdf', auth.uid())",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
};
