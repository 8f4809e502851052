import { ALL, SIGNED_IN, NOBODY, ORG_A, SESSION_PEOPLE, MENTOR_SEERS, type FunctionSpec, type TableSpec } from "./actors";

// The matrix rows of mentoring (./actors.ts says how to read them).

export const TABLES: Record<string, TableSpec> = {
  // Mentoring (world: the mentor of A has a profile, is approved for P and mentors S2, which is in
  // P's cohort; one session of S2 with the mentor; see rls-matrix.test.ts)
  expertise_tags: {
    table: "expertise_tags",
    row: "slug = 'matrix-ai'",
    groups: {
      tag: { columns: ["slug", "name_vi", "name_en", "created_at"], select: ALL, update: ["admin"], set: "name_en = 'Changed'" },
    },
    insert: { sql: "insert into public.expertise_tags (slug, name_vi, name_en) values ('matrix-new-tag', 'Mới', 'New')", allow: ["admin"] },
    delete: NOBODY,
  },
  mentor_profiles: {
    table: "mentor_profiles",
    row: "user_id = :mentorId",
    groups: {
      profile: {
        columns: ["user_id", "org_id", "bio", "expertise", "sectors", "languages", "stages", "time_zone", "created_at", "updated_at"],
        select: MENTOR_SEERS,
        update: ["mentor"],
        set: "bio = 'changed'",
      },
      capacity: { columns: ["max_startups", "hours_per_month"], select: MENTOR_SEERS, update: ["mentor"], set: "max_startups = 5" },
      booking: {
        columns: [
          "slot_minutes",
          "step_minutes",
          "buffer_before_minutes",
          "buffer_after_minutes",
          "min_notice_minutes",
          "horizon_days",
          "weekly_cap",
          "meeting_default",
          "cancel_cutoff_hours",
        ],
        select: MENTOR_SEERS,
        update: ["mentor"],
        set: "weekly_cap = 3",
      },
    },
    // only someone with the mentor role creates a profile, their own (the mentor has one already)
    insert: { sql: "insert into public.mentor_profiles (user_id) values (auth.uid())", allow: NOBODY },
    delete: NOBODY,
  },
  program_mentors: {
    table: "program_mentors",
    row: "program_id = :program and mentor_id = :mentorId",
    groups: {
      approval: {
        columns: ["program_id", "mentor_id", "approved_by", "approved_at"],
        select: [...ORG_A, "otherFounder", "admin"],
        update: NOBODY,
        set: "approved_at = now() - interval '1 day'",
      },
    },
    insert: { sql: "insert into public.program_mentors (program_id, mentor_id) values (:program2, :mentorId)", allow: ["manager", "admin"] },
    delete: ["manager", "admin"],
  },
  // a startup's ranked requests: written only through send_mentor_requests() and answer_mentor_request()
  mentor_requests: {
    table: "mentor_requests",
    row: "startup_id = :startupS2 and mentor_id = :mentorId",
    groups: {
      request: {
        columns: ["id", "program_id", "startup_id", "mentor_id", "rank", "status", "sent_at", "due_at", "answered_at", "created_at"],
        select: ["otherFounder", "mentor", "manager", "admin"],
        update: NOBODY,
        set: "status = 'accepted'",
      },
    },
    insert: { sql: "insert into public.mentor_requests (program_id, startup_id, mentor_id, rank) values (:program, :startupS2, :mentorId, 2)", allow: NOBODY },
    delete: NOBODY,
  },
  // the cohort-wide proposal a programme's managers edit before publishing
  mentor_proposals: {
    table: "mentor_proposals",
    row: "program_id = :program and startup_id = :startupS2",
    groups: {
      proposal: {
        columns: ["program_id", "startup_id", "mentor_id", "score", "created_by", "created_at"],
        select: ["manager", "admin"],
        update: NOBODY,
        set: "score = 99",
      },
    },
    // replaces the pair (a manager's edit): the delete and the insert in one statement
    insert: {
      sql: "with gone as (delete from public.mentor_proposals where program_id = :program and startup_id = :startupS2 returning 1) insert into public.mentor_proposals (program_id, startup_id, mentor_id) select :program, :startupS2, :mentorId from (select count(*) from gone) g",
      allow: ["manager", "admin"],
    },
    delete: ["manager", "admin"],
  },
  startup_needs: {
    table: "startup_needs",
    row: "startup_id = :startupS2",
    groups: {
      need: {
        columns: ["startup_id", "expertise", "languages", "note", "updated_at"],
        select: ["otherFounder", "mentor", "manager", "admin"],
        update: ["otherFounder"],
        set: "note = 'changed'",
      },
    },
    insert: { sql: "insert into public.startup_needs (startup_id) values (:startupS)", allow: ["founder"] },
    delete: NOBODY,
  },
  mentor_weekly_hours: {
    table: "mentor_weekly_hours",
    row: "mentor_id = :mentorId",
    groups: {
      hours: { columns: ["id", "mentor_id", "weekday", "starts", "ends"], select: MENTOR_SEERS, update: ["mentor"], set: "ends = '18:00'" },
    },
    insert: { sql: "insert into public.mentor_weekly_hours (mentor_id, weekday, starts, ends) values (:mentorId, 2, '09:00', '12:00')", allow: ["mentor"] },
    delete: ["mentor"],
  },
  mentor_date_overrides: {
    table: "mentor_date_overrides",
    row: "mentor_id = :mentorId",
    groups: {
      override: { columns: ["id", "mentor_id", "on_date", "starts", "ends"], select: MENTOR_SEERS, update: ["mentor"], set: "starts = null, ends = null" },
    },
    insert: { sql: "insert into public.mentor_date_overrides (mentor_id, on_date) values (:mentorId, '2027-01-01')", allow: ["mentor"] },
    delete: ["mentor"],
  },
  mentoring_sessions: {
    table: "mentoring_sessions",
    row: "id = :session",
    groups: {
      session: {
        columns: ["id", "program_id", "startup_id", "mentor_id", "booked_by", "starts_at", "ends_at", "blocked_from", "blocked_until", "status", "cancelled_at", "created_at",
                  "location", "sequence", "cancelled_by", "reminded_day_for", "reminded_hour_for",
                  "absent", "absent_marked_by", "absent_marked_at"],
        select: ["mentor", "otherFounder", "manager", "admin"],
        update: NOBODY,
        set: "status = 'cancelled'",
      },
    },
    // booking goes through book_session(), which checks the caller
    insert: {
      sql: "insert into public.mentoring_sessions (program_id, startup_id, mentor_id, starts_at, ends_at, blocked_from, blocked_until) values (:program, :startupS2, :mentorId, now() + interval '20 days', now() + interval '20 days 1 hour', now() + interval '20 days', now() + interval '20 days 1 hour')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  // group office hours: the mentor and the founders of P's cohort (S2) see them; written only through the functions
  mentor_office_hours: {
    table: "mentor_office_hours",
    row: "id = :officeHours",
    groups: {
      hours: {
        columns: ["id", "mentor_id", "starts_at", "ends_at", "seats", "seats_taken", "location", "status", "created_at", "revision"],
        select: ["mentor", "otherFounder", "admin"],
        update: NOBODY,
        set: "seats = 50",
      },
    },
    insert: { sql: "insert into public.mentor_office_hours (mentor_id, starts_at, ends_at, seats) values (:mentorId, now() + interval '30 days', now() + interval '30 days 1 hour', 3)", allow: NOBODY },
    delete: NOBODY,
  },
  office_hours_seats: {
    table: "office_hours_seats",
    row: "office_hours_id = :officeHoursSeated",
    groups: {
      seat: { columns: ["office_hours_id", "startup_id", "taken_by", "created_at"], select: ["mentor", "otherFounder", "admin"], update: NOBODY, set: "created_at = now()" },
    },
    insert: { sql: "insert into public.office_hours_seats (office_hours_id, startup_id) values (:officeHours, :startupS2)", allow: NOBODY },
    delete: NOBODY,
  },
  // after the session (PAST, three days ago, S2 with the mentor): shared by whoever sees the session
  mentoring_notes: {
    table: "mentoring_notes",
    row: "session_id = :pastSession",
    groups: {
      notes: { columns: ["session_id", "body"], select: SESSION_PEOPLE, update: SESSION_PEOPLE, set: "body = 'changed'" },
      // stamped by a trigger: nobody sets them
      stamp: { columns: ["updated_by", "updated_at"], select: SESSION_PEOPLE, update: NOBODY, set: "updated_at = now() - interval '1 day'" },
    },
    insert: { sql: "insert into public.mentoring_notes (session_id, body) values (:session, 'x')", allow: SESSION_PEOPLE },
    delete: NOBODY,
  },
  mentoring_action_items: {
    table: "mentoring_action_items",
    row: "session_id = :pastSession",
    groups: {
      item: { columns: ["body", "done"], select: SESSION_PEOPLE, update: SESSION_PEOPLE, set: "done = true" },
      record: { columns: ["id", "session_id", "created_by", "created_at", "updated_at"], select: SESSION_PEOPLE, update: NOBODY, set: "created_at = now() - interval '1 day'" },
    },
    insert: { sql: "insert into public.mentoring_action_items (session_id, body) values (:pastSession, 'x')", allow: SESSION_PEOPLE },
    delete: SESSION_PEOPLE,
  },
  // the founders' feedback (given by otherFounder): their side and the managers read it, its author changes it
  mentoring_feedback: {
    table: "mentoring_feedback",
    row: "session_id = :pastSession and side = 'founder'",
    groups: {
      rating: { columns: ["rating", "comment"], select: ["otherFounder", "manager", "admin"], update: ["otherFounder"], set: "rating = 5" },
      record: {
        columns: ["session_id", "side", "author_id", "created_at", "updated_at"],
        select: ["otherFounder", "manager", "admin"],
        update: NOBODY,
        set: "created_at = now() + interval '1 year'",
      },
    },
    insert: { sql: "insert into public.mentoring_feedback (session_id, side, rating) values (:pastSession, 'mentor', 5)", allow: ["mentor"] },
    delete: NOBODY,
  },
  // the pairs that ended (S2 with the mentor, in P): read by both sides and P's managers, written only by end_mentoring()
  mentoring_endings: {
    table: "mentoring_endings",
    row: "program_id = :program and startup_id = :startupS2",
    groups: {
      ending: {
        columns: ["id", "program_id", "startup_id", "mentor_id", "since", "assigned_by", "ended_at", "ended_by", "cancelled_sessions"],
        select: ["mentor", "otherFounder", "manager", "admin"],
        update: NOBODY,
        set: "cancelled_sessions = 9",
      },
    },
    insert: {
      sql: "insert into public.mentoring_endings (program_id, startup_id, mentor_id, since) values (:program, :startupS2, :mentorId, now())",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  // P's last cohort-wide solve: its managers read it; the service path (their request, the job) writes it
  mentor_assignment_runs: {
    table: "mentor_assignment_runs",
    row: "program_id = :program",
    groups: {
      run: {
        columns: ["program_id", "status", "requested_by", "requested_at", "finished_at", "proposed"],
        select: ["manager", "admin"],
        update: NOBODY,
        set: "proposed = 9",
      },
    },
    insert: { sql: "insert into public.mentor_assignment_runs (program_id, status) values (:program2, 'solving')", allow: NOBODY },
    delete: NOBODY,
  },
  // mentoring's log (triggers write it, whoever acts): P's managers read it, not the session's two sides
  "audit_events (mentoring)": {
    table: "audit_events",
    row: "subject_id = :session and kind = 'session_booked'",
    groups: {
      event: {
        columns: ["id", "org_id", "scope_id", "subject_type", "subject_id", "shared_startup_id", "actor_id", "kind", "from_value", "to_value", "detail", "created_at"],
        select: ["manager", "admin"],
        update: NOBODY,
        set: "detail = '{}'",
      },
    },
    insert: {
      sql: "insert into public.audit_events (org_id, scope_id, subject_type, subject_id, kind) values (:orgA, :program, 'session', :session, 'session_cancelled')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  mentor_calendar_feeds: {
    table: "mentor_calendar_feeds",
    row: "mentor_id = :mentorId",
    groups: { feed: { columns: ["mentor_id", "token_hash", "created_at"], select: ["mentor"], update: ["mentor"], set: "token_hash = sha256('renewed')" } },
    // one feed a mentor: the mentor's own exists already, and nobody makes one for another
    insert: { sql: "insert into public.mentor_calendar_feeds (mentor_id, token_hash) values (:mentorId, sha256('other'))", allow: NOBODY },
    delete: ["mentor"],
  },
};

export const FUNCTIONS: Record<string, FunctionSpec> = {
  // a session is only booked by the startup's people, for its assigned mentor
  "book_session(uuid,uuid,uuid,timestamp with time zone)": {
    // a Monday 10:00 in the mentor's zone, one to two weeks ahead: inside their hours (Mondays 09:00–17:00)
    call: "select public.book_session(:program, :startupS2, :mentorId, (date_trunc('week', now() at time zone 'Asia/Ho_Chi_Minh') + interval '14 days 10 hours') at time zone 'Asia/Ho_Chi_Minh')",
    learns: ["otherFounder"],
  },
  // the session's two sides move or cancel it (the matrix session starts in two days, past no cutoff)
  "reschedule_session(uuid,timestamp with time zone)": {
    call: "select public.reschedule_session(:session, (date_trunc('week', now() at time zone 'Asia/Ho_Chi_Minh') + interval '14 days 10 hours') at time zone 'Asia/Ho_Chi_Minh')",
    learns: ["mentor", "otherFounder"],
  },
  "cancel_session(uuid)": { call: "select public.cancel_session(:session)", learns: ["mentor", "otherFounder"] },
  // office hours: opened and cancelled by their mentor, seats taken and left by P's cohort founders (S2)
  "office_hours_open_to(uuid)": { call: "select public.office_hours_open_to(:mentorId)", learns: ["otherFounder"] },
  "open_office_hours(timestamp with time zone,integer,integer,text)": {
    call: "select public.open_office_hours(date_trunc('hour', now()) + interval '10 days', 60, 3, '')",
    learns: ["mentor"],
  },
  "cancel_office_hours(uuid)": { call: "select public.cancel_office_hours(:officeHours)", learns: ["mentor"] },
  "take_office_hours_seat(uuid,uuid)": { call: "select public.take_office_hours_seat(:officeHours, :startupS2)", learns: ["otherFounder"] },
  "leave_office_hours_seat(uuid,uuid)": { call: "select public.leave_office_hours_seat(:officeHoursSeated, :startupS2)", learns: ["otherFounder"] },
  // a mentor's name, for those who may see the mentor; one's own sessions, for its two sides
  "mentor_names(uuid[])": { call: "select * from public.mentor_names(array[:mentorId]::uuid[])", learns: MENTOR_SEERS },
  "my_mentoring_session(uuid)": { call: "select * from public.my_mentoring_session(:session)", learns: ["mentor", "otherFounder"] },
  // P's managers end S2's mentoring (its session in two days is cancelled); the mentor or they change where a session is held
  "end_mentoring(uuid,uuid,uuid)": { call: "select public.end_mentoring(:program, :startupS2, :mentorId)", learns: ["manager", "admin"] },
  "set_session_location(uuid,text)": { call: "select public.set_session_location(:session, 'Room 2')", learns: ["mentor", "manager", "admin"] },
  "my_mentoring_sessions(boolean,integer)": { call: "select * from public.my_mentoring_sessions(false, 10)", learns: ["mentor", "otherFounder"] },
  "assign_mentor(uuid,uuid,uuid)": { call: "select public.assign_mentor(:program, :startupS2, :mentorId)", learns: NOBODY },
  "answer_mentor_request(uuid,boolean)": { call: "select public.answer_mentor_request(:request, false)", learns: NOBODY },
  "publish_mentor_proposal(uuid)": { call: "select * from public.publish_mentor_proposal(:program)", learns: NOBODY },
  "send_mentor_requests(uuid,uuid,uuid[])": { call: "select public.send_mentor_requests(:program, :startupS2, array[:mentorId]::uuid[])", learns: NOBODY },
  "mentor_busy(uuid,timestamp with time zone,timestamp with time zone)": {
    call: "select * from public.mentor_busy(:mentorId, now(), now() + interval '30 days')",
    learns: MENTOR_SEERS,
  },
  // the week of slots' data in one call (profile, hours, overrides, busy ranges): whoever sees the mentor
  "mentor_week(uuid,timestamp with time zone,timestamp with time zone,date,date)": {
    call: "select * from public.mentor_week(:mentorId, now(), now() + interval '30 days', current_date, current_date + 30)",
    learns: MENTOR_SEERS,
  },
  // the booking contexts of the week of slots: S2's founder, whose startup the mentor mentors in P
  "mentor_booking_contexts(uuid)": { call: "select * from public.mentor_booking_contexts(:mentorId)", learns: ["otherFounder"] },
  // the office hours' ranges hidden from the 1:1 slot list: whoever sees the mentor, as for sessions
  "mentor_office_busy(uuid,timestamp with time zone,timestamp with time zone)": {
    call: "select * from public.mentor_office_busy(:mentorId, now(), now() + interval '30 days')",
    learns: MENTOR_SEERS,
  },
  // the hours rule itself: data-free
  "mentoring_session_counts(text,text)": { call: "select public.mentoring_session_counts('held', null)", learns: SIGNED_IN },
  "mentoring_hours_committed(uuid,uuid)": { call: "select public.mentoring_hours_committed(:program, :startupS2)", learns: SESSION_PEOPLE },
  // the managers' report: for the programme's managers only
  "mentoring_report_startups(uuid)": { call: "select * from public.mentoring_report_startups(:program)", learns: ["manager", "admin"] },
  "mentoring_report_mentors(uuid)": { call: "select * from public.mentoring_report_mentors(:program)", learns: ["manager", "admin"] },
  "mentoring_session_people(uuid)": { call: "select * from public.mentoring_session_people(:session)", learns: SESSION_PEOPLE },
  // either side marks the other absent
  "mark_no_show(uuid)": { call: "select public.mark_no_show(:pastSession)", learns: ["mentor", "otherFounder"] },
  "speaks_for(uuid,text)": { call: "select public.speaks_for(:pastSession, 'founder')", learns: ["otherFounder"] },
  "sees_mentor(uuid)": { call: "select public.sees_mentor(:mentorId)", learns: MENTOR_SEERS },
};
