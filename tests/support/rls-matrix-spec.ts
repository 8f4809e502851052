// The expected access of every actor to every table and API function of schema public, as data.
// tests/integration/rls-matrix.test.ts reads the catalog at run time and holds the database to
// this file: a table, a column or a function it does not list fails the suite with what to add.
//
// How to read an entry: `row` names one row of the world the test builds (see WORLD below), each
// column group lists columns and the actors who may `select` them on that row and `update` them
// (with the `set` clause given); `insert` tries the statement given; `delete` deletes the row.
// An actor "may" when the statement succeeds and touches the row; refused or zero rows otherwise.
// Each write runs in a savepoint that is rolled back, as the actor (role anon/authenticated with
// the claims a request carries), never as the superuser.
//
// Placeholders `:name` are ids of the world (WORLD), quoted by the test.

/**
 * The world: organisation A (an incubator) runs programme P and its published, open call C, blind
 * on 'organisation', with track T, questions Q (open), QB (blind), QF (file), criteria K and K2.
 * Startup S (founder) submitted application APP to C (an answer to Q, a deck on QF), reviewed by
 * assignedReviewer (a score on K), and keeps a draft DRAFT in the open call C2. Startup S2
 * (otherFounder) is in P's cohort. S claims an affiliation with A, not yet confirmed. Org B has
 * otherOrgMember (a manager). The mentor of A mentors S.
 */
export const ACTORS = [
  "anon",
  "stranger",
  "otherOrgMember",
  "manager",
  "reviewer",
  "assignedReviewer",
  "mentor",
  "researcher",
  "partner",
  "staff",
  "founder",
  "otherFounder",
  "admin",
] as const;
export type Actor = (typeof ACTORS)[number];

export const ACTOR_NOTES: Record<Actor, string> = {
  anon: "a visitor, not signed in (role anon)",
  stranger: "signed in, no relation to anything",
  otherOrgMember: "manager of organisation B",
  manager: "manager of organisation A, which runs the call",
  reviewer: "reviewer of A, not assigned to APP",
  assignedReviewer: "reviewer of A, assigned to APP (review submitted)",
  mentor: "mentor of A, mentors startup S",
  researcher: "researcher of A",
  partner: "partner of A",
  staff: "staff of A",
  founder: "founder of startup S",
  otherFounder: "founder of startup S2",
  admin: "platform administrator",
};

const ALL: readonly Actor[] = ACTORS;
const SIGNED_IN: readonly Actor[] = ACTORS.filter((a) => a !== "anon");
const NOBODY: readonly Actor[] = [];
const ORG_A: readonly Actor[] = ["manager", "reviewer", "assignedReviewer", "mentor", "researcher", "partner", "staff"];
// who sees a session of S2 with the mentor, and shares its notes: the mentor, S2's founder, P's managers, admins
// who runs an event of A: its managers and staff
const EVENT_STAFF: readonly Actor[] = ["manager", "staff"];
const SESSION_PEOPLE: readonly Actor[] = ["mentor", "otherFounder", "manager", "admin"];
// who sees the mentor's profile and availability: their organisation, the founders of the startup
// they mentor (S) and of P's cohort (S2), admins
const MENTOR_SEERS: readonly Actor[] = [...ORG_A, "founder", "otherFounder", "admin"];

export type Group = { columns: string[]; select: readonly Actor[]; update: readonly Actor[]; set: string };
export type TableSpec = {
  table: string;
  row: string;
  groups: Record<string, Group>;
  insert: { sql: string; allow: readonly Actor[] };
  delete: readonly Actor[];
};

export const TABLES: Record<string, TableSpec> = {
  profiles: {
    table: "profiles",
    row: "id = :founderId",
    groups: {
      profile: {
        columns: ["display_name", "avatar_path", "languages", "locale", "time_zone", "bio"],
        select: ["founder", "admin"],
        update: ["founder"],
        set: "bio = 'changed'",
      },
      record: {
        columns: ["id", "created_at", "updated_at"],
        select: ["founder", "admin"],
        update: ["founder"],
        set: "updated_at = now() - interval '1 day'",
      },
    },
    insert: { sql: "insert into public.profiles (id, display_name) values (:ghostId, 'Ghost')", allow: NOBODY },
    delete: NOBODY,
  },
  organisations: {
    table: "organisations",
    row: "id = :orgA",
    groups: {
      public: {
        columns: ["slug", "kind", "name_vi", "name_en", "description_vi", "description_en", "time_zone"],
        select: ALL,
        update: ["manager", "admin"],
        set: "description_en = 'changed'",
      },
      structure: { columns: ["id", "parent_id", "created_at"], select: ALL, update: ["manager", "admin"], set: "parent_id = :orgB" },
    },
    insert: {
      sql: "insert into public.organisations (slug, kind, name_vi, name_en) values ('matrix-new-org', 'business', 'Mới', 'New')",
      allow: ["admin"],
    },
    delete: NOBODY,
  },
  memberships: {
    table: "memberships",
    row: "org_id = :orgA and user_id = :staffId and role = 'staff'",
    groups: {
      membership: { columns: ["org_id", "user_id", "role", "created_at"], select: [...ORG_A, "admin"], update: NOBODY, set: "role = 'partner'" },
    },
    insert: { sql: "insert into public.memberships (org_id, user_id, role) values (:orgA, :strangerId, 'manager')", allow: ["manager", "admin"] },
    delete: ["manager", "admin"],
  },
  platform_admins: {
    table: "platform_admins",
    row: "user_id = :adminId",
    groups: { admin: { columns: ["user_id", "created_at"], select: ["admin"], update: NOBODY, set: "created_at = now()" } },
    insert: { sql: "insert into public.platform_admins (user_id) values (:strangerId)", allow: NOBODY },
    delete: NOBODY,
  },
  startups: {
    table: "startups",
    row: "id = :startupS",
    groups: {
      profile: {
        columns: ["slug", "name", "description_vi", "description_en", "sector", "stage", "website", "logo_path"],
        select: ALL,
        update: ["founder"],
        set: "name = 'Changed'",
      },
      affiliation: { columns: ["org_id"], select: ALL, update: ["founder"], set: "org_id = :orgB" },
      affiliationStatus: { columns: ["affiliation_status"], select: ALL, update: NOBODY, set: "affiliation_status = 'confirmed'" },
      record: { columns: ["id", "created_at"], select: ALL, update: ["founder"], set: "created_at = now() - interval '1 day'" },
    },
    insert: { sql: "insert into public.startups (slug, name) values ('matrix-new-startup', 'New')", allow: SIGNED_IN },
    delete: NOBODY,
  },
  startup_members: {
    table: "startup_members",
    row: "startup_id = :startupS and user_id = :founderId",
    groups: {
      member: { columns: ["startup_id", "user_id", "role", "created_at"], select: ["founder", "admin"], update: NOBODY, set: "role = 'team'" },
    },
    // joining goes through the creating statement or an accepted invitation, never a plain insert
    insert: { sql: "insert into public.startup_members (startup_id, user_id, role) values (:startupS, auth.uid(), 'founder')", allow: NOBODY },
    // the row is S's only founder: nobody removes the last founder (tests/integration/startup-members.test.ts covers who removes whom)
    delete: NOBODY,
  },
  startup_invitations: {
    table: "startup_invitations",
    row: "startup_id = :startupS",
    groups: {
      invitation: {
        columns: ["id", "startup_id", "email", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at"],
        select: ["founder"],
        update: ["founder"],
        set: "expires_at = now() + interval '1 year'",
      },
    },
    insert: {
      sql: "insert into public.startup_invitations (startup_id, email, token_hash, invited_by, expires_at) values (:startupS, 'matrix-new@example.test', 'matrix-new-hash', auth.uid(), now() + interval '1 day')",
      allow: ["founder"],
    },
    delete: ["founder"],
  },
  startup_mentors: {
    table: "startup_mentors",
    row: "startup_id = :startupS and mentor_id = :mentorId",
    groups: {
      mentoring: {
        columns: ["startup_id", "mentor_id", "since", "program_id", "assigned_by"],
        select: ["mentor", "founder", "admin"],
        update: NOBODY,
        set: "since = now() - interval '1 year'",
      },
    },
    insert: { sql: "insert into public.startup_mentors (startup_id, mentor_id) values (:startupS, auth.uid())", allow: NOBODY },
    delete: NOBODY,
  },
  invitations: {
    table: "invitations",
    row: "org_id = :orgA and email = 'matrix-invitee@example.test'",
    groups: {
      invitation: {
        columns: ["id", "org_id", "email", "role", "token_hash", "invited_by", "expires_at", "accepted_at", "accepted_by", "created_at"],
        select: ["manager", "admin"],
        update: ["manager", "admin"],
        set: "expires_at = now() + interval '1 year'",
      },
    },
    insert: {
      sql: "insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at) values (:orgA, 'matrix-new@example.test', 'manager', 'matrix-org-hash', auth.uid(), now() + interval '1 day')",
      allow: ["manager", "admin"],
    },
    delete: NOBODY,
  },
  email_outbox: {
    table: "email_outbox",
    row: "to_email = 'matrix@example.test'",
    groups: {
      mail: {
        columns: [
          "id",
          "to_email",
          "locale",
          "template",
          "subject",
          "html",
          "text_body",
          "attachments",
          "status",
          "attempts",
          "next_attempt_at",
          "locked_until",
          "last_error",
          "provider_message_id",
          "delivered_via",
          "sent_at",
          "created_at",
        ],
        select: NOBODY,
        update: NOBODY,
        set: "status = 'sent'",
      },
    },
    insert: {
      sql: "insert into public.email_outbox (to_email, locale, template, subject, html, text_body) values ('x@example.test', 'en', 'x', 's', 'h', 't')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  sign_in_attempts: {
    table: "sign_in_attempts",
    row: "email = 'matrix@example.test'",
    groups: { attempt: { columns: ["id", "email", "ip", "succeeded", "attempted_at"], select: NOBODY, update: NOBODY, set: "succeeded = true" } },
    insert: { sql: "insert into public.sign_in_attempts (email, ip, succeeded) values ('x@example.test', '1.2.3.4', true)", allow: NOBODY },
    delete: NOBODY,
  },
  sign_in_counters: {
    table: "sign_in_counters",
    row: "key = 'pair:1.2.3.4|matrix@example.test'",
    groups: { counter: { columns: ["key", "window_start", "attempts"], select: NOBODY, update: NOBODY, set: "attempts = 0" } },
    insert: { sql: "insert into public.sign_in_counters (key) values ('address:5.6.7.8')", allow: NOBODY },
    delete: NOBODY,
  },
  sign_in_unlocks: {
    table: "sign_in_unlocks",
    row: "user_id = :founderId",
    groups: {
      link: { columns: ["user_id", "token_hash", "created_at", "expires_at", "used_at"], select: NOBODY, update: NOBODY, set: "used_at = null" },
    },
    insert: {
      sql: "insert into public.sign_in_unlocks (user_id, token_hash, expires_at) values (:strangerId, 'matrix-unlock-2', now() + interval '1 hour')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  events: {
    table: "events",
    row: "id = :eventDraft",
    groups: {
      content: {
        columns: [
          "kind", "title_vi", "title_en", "summary_vi", "summary_en", "venue", "starts_at", "ends_at", "capacity",
          "description_vi", "description_en", "space_id", "cover_url", "time_zone", "cancel_hours", "offer_hours",
        ],
        select: ["manager", "staff", "admin"],
        update: ["manager", "staff"],
        set: "title_en = 'Changed'",
      },
      publication: { columns: ["published"], select: ["manager", "staff", "admin"], update: ["manager", "staff"], set: "published = true" },
      record: { columns: ["id", "org_id", "slug", "created_at"], select: ["manager", "staff", "admin"], update: NOBODY, set: "org_id = :orgB" },
    },
    insert: {
      sql: "insert into public.events (org_id, slug, title_vi, title_en, starts_at, ends_at, capacity) values (:orgA, 'matrix-new-event', 'a', 'b', now() + interval '1 day', now() + interval '2 days', 5)",
      allow: ["manager", "staff"],
    },
    delete: ["manager"],
  },
  // the published forum's agenda, visible ticket types and questions: public; its organisers (A's managers and staff) edit
  event_speakers: {
    table: "event_speakers",
    row: "id = :speaker",
    groups: {
      speaker: { columns: ["name", "affiliation", "bio_vi", "bio_en", "position"], select: ALL, update: EVENT_STAFF, set: "bio_en = 'changed'" },
      record: { columns: ["id", "event_id", "created_at"], select: ALL, update: EVENT_STAFF, set: "created_at = now()" },
    },
    insert: { sql: "insert into public.event_speakers (event_id, name) values (:eventLive, 'New')", allow: EVENT_STAFF },
    delete: EVENT_STAFF,
  },
  event_sessions: {
    table: "event_sessions",
    row: "id = :agendaSession",
    groups: {
      session: {
        columns: ["title_vi", "title_en", "room", "starts_at", "ends_at", "speaker_ids"],
        select: ALL,
        update: EVENT_STAFF,
        set: "room = 'Room 2'",
      },
      record: { columns: ["id", "event_id", "created_at"], select: ALL, update: EVENT_STAFF, set: "created_at = now()" },
    },
    insert: {
      sql: "insert into public.event_sessions (event_id, title_vi, title_en, starts_at, ends_at) values (:eventLive, 'a', 'b', now(), now() + interval '1 hour')",
      allow: EVENT_STAFF,
    },
    delete: EVENT_STAFF,
  },
  event_questions: {
    table: "event_questions",
    row: "id = :eventQuestion",
    groups: {
      question: {
        columns: ["label_vi", "label_en", "help_vi", "help_en", "kind", "options", "required", "position", "ticket_type_ids", "retired"],
        select: ALL,
        update: EVENT_STAFF,
        set: "required = true",
      },
      record: { columns: ["id", "event_id", "created_at"], select: ALL, update: EVENT_STAFF, set: "created_at = now()" },
    },
    insert: { sql: "insert into public.event_questions (event_id, label_vi, label_en) values (:eventLive, 'a', 'b')", allow: EVENT_STAFF },
    delete: EVENT_STAFF,
  },
  // a ticket type on sale; it has a confirmed ticket, so nobody deletes it
  ticket_types: {
    table: "ticket_types",
    row: "id = :ticketType",
    groups: {
      content: {
        columns: ["name_vi", "name_en", "description_vi", "description_en", "position"],
        select: ALL,
        update: EVENT_STAFF,
        set: "name_en = 'Changed'",
      },
      terms: {
        columns: ["price_vnd", "sales_start", "sales_end", "hidden", "min_per_order", "max_per_order"],
        select: ALL,
        update: EVENT_STAFF,
        set: "max_per_order = 5",
      },
      record: { columns: ["id", "event_id", "created_at"], select: ALL, update: EVENT_STAFF, set: "created_at = now()" },
    },
    insert: {
      sql: "insert into public.ticket_types (event_id, name_vi, name_en, sales_end) values (:eventLive, 'a', 'b', now() + interval '1 day')",
      allow: EVENT_STAFF,
    },
    delete: NOBODY,
  },
  // a hidden type: only its organisers see it (visitors reach it through unlocked_ticket_types with its code)
  "ticket_types (hidden)": {
    table: "ticket_types",
    row: "id = :hiddenType",
    groups: {
      content: {
        columns: ["name_vi", "name_en", "description_vi", "description_en", "position"],
        select: [...EVENT_STAFF, "admin"],
        update: EVENT_STAFF,
        set: "name_en = 'Changed'",
      },
      terms: {
        columns: ["price_vnd", "sales_start", "sales_end", "hidden", "min_per_order", "max_per_order"],
        select: [...EVENT_STAFF, "admin"],
        update: EVENT_STAFF,
        set: "hidden = false",
      },
      record: { columns: ["id", "event_id", "created_at"], select: [...EVENT_STAFF, "admin"], update: EVENT_STAFF, set: "created_at = now()" },
    },
    insert: {
      sql: "insert into public.ticket_types (event_id, name_vi, name_en, sales_end, hidden) values (:eventLive, 'a', 'b', now() + interval '1 day', true)",
      allow: EVENT_STAFF,
    },
    delete: EVENT_STAFF,
  },
  ticket_type_codes: {
    table: "ticket_type_codes",
    row: "ticket_type_id = :hiddenType",
    groups: { code: { columns: ["ticket_type_id", "code"], select: EVENT_STAFF, update: EVENT_STAFF, set: "code = 'matrix-other'" } },
    insert: { sql: "insert into public.ticket_type_codes (ticket_type_id, code) values (:ticketType, 'matrix-new')", allow: EVENT_STAFF },
    delete: EVENT_STAFF,
  },
  // the counter of seats taken moves only through the order functions; a quota with seats taken stays
  ticket_quotas: {
    table: "ticket_quotas",
    row: "id = :quota",
    groups: {
      quota: { columns: ["name", "size"], select: [...EVENT_STAFF, "admin"], update: EVENT_STAFF, set: "size = 9" },
      counter: { columns: ["taken"], select: [...EVENT_STAFF, "admin"], update: NOBODY, set: "taken = 0" },
      record: { columns: ["id", "event_id", "created_at"], select: [...EVENT_STAFF, "admin"], update: NOBODY, set: "created_at = now()" },
    },
    insert: { sql: "insert into public.ticket_quotas (event_id, name, size) values (:eventLive, 'New', 5)", allow: EVENT_STAFF },
    delete: NOBODY,
  },
  // a type's quotas are fixed while it has seats out (the ticket type on sale has a confirmed ticket)
  ticket_type_quotas: {
    table: "ticket_type_quotas",
    row: "ticket_type_id = :ticketType and quota_id = :quota",
    groups: { link: { columns: ["ticket_type_id", "quota_id"], select: [...EVENT_STAFF, "admin"], update: NOBODY, set: "quota_id = :quota2" } },
    insert: { sql: "insert into public.ticket_type_quotas (ticket_type_id, quota_id) values (:hiddenType, :quota2)", allow: EVENT_STAFF },
    delete: NOBODY,
  },
  // the founder's order: the buyer and the organisers see it; nobody writes it but the order functions
  event_orders: {
    table: "event_orders",
    row: "id = :order",
    groups: {
      order: {
        columns: [
          "id", "event_id", "buyer_id", "code", "email", "locale", "status", "total_vnd", "hold_until", "needs_refund",
          "created_at", "confirmed_at", "cancelled_at",
        ],
        select: ["founder", ...EVENT_STAFF, "admin"],
        update: NOBODY,
        set: "status = 'cancelled'",
      },
    },
    insert: {
      sql: "insert into public.event_orders (event_id, buyer_id, email, status, total_vnd, confirmed_at) values (:eventLive, auth.uid(), 'x@example.test', 'confirmed', 0, now())",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  event_tickets: {
    table: "event_tickets",
    row: "id = :ticket",
    groups: {
      ticket: {
        columns: [
          "id", "order_id", "event_id", "ticket_type_id", "buyer_id", "attendee_name", "attendee_email", "locale", "answers", "price_vnd",
          "checked_in_at", "created_at", "ticket_no", "token_version", "checked_in_by",
        ],
        select: ["founder", ...EVENT_STAFF, "admin"],
        update: NOBODY,
        set: "attendee_name = 'Someone else'",
      },
    },
    insert: {
      sql: "insert into public.event_tickets (order_id, event_id, ticket_type_id, buyer_id, attendee_name, attendee_email, price_vnd) values (:order, :eventLive, :ticketType, auth.uid(), 'x', 'x@example.test', 0)",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  event_waitlist: {
    table: "event_waitlist",
    row: "id = :waitlistPlace",
    groups: {
      place: {
        columns: [
          "id", "position", "event_id", "ticket_type_id", "user_id", "name", "email", "locale", "status", "offered_at", "offer_expires_at",
          "order_id", "created_at",
        ],
        select: ["otherFounder", ...EVENT_STAFF, "admin"],
        update: NOBODY,
        set: "status = 'offered', offer_expires_at = now() + interval '1 day'",
      },
    },
    insert: {
      sql: "insert into public.event_waitlist (event_id, ticket_type_id, user_id, name, email) values (:eventLive, :ticketType, auth.uid(), 'x', 'x@example.test')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  // a message A's organisers sent about the live event: they read it and send more, as themselves; nobody edits or deletes one
  event_messages: {
    table: "event_messages",
    row: "id = :eventMessage",
    groups: {
      message: {
        columns: ["id", "event_id", "sender_id", "send_key", "subject_vi", "subject_en", "body_vi", "body_en", "audience", "recipients", "created_at"],
        select: [...EVENT_STAFF, "admin"],
        update: NOBODY,
        set: "subject_vi = 'Changed'",
      },
    },
    insert: {
      sql: "insert into public.event_messages (event_id, sender_id, send_key, subject_vi, body_vi, audience, recipients) values (:eventLive, auth.uid(), gen_random_uuid(), 'a', 'b', '{}', 0)",
      allow: EVENT_STAFF,
    },
    delete: NOBODY,
  },
  spaces: {
    table: "spaces",
    row: "id = :spaceInactive",
    groups: {
      content: {
        columns: ["kind", "name_vi", "name_en", "description_vi", "description_en", "capacity"],
        select: ["manager", "staff"],
        update: ["manager"],
        set: "name_en = 'Changed'",
      },
      terms: {
        columns: ["hourly_price_vnd", "members_only", "active"],
        select: ["manager", "staff"],
        update: ["manager"],
        set: "hourly_price_vnd = 1",
      },
      record: { columns: ["id", "org_id", "created_at"], select: ["manager", "staff"], update: NOBODY, set: "org_id = :orgB" },
    },
    insert: { sql: "insert into public.spaces (org_id, kind, name_vi, name_en, capacity) values (:orgA, 'lab', 'a', 'b', 1)", allow: ["manager"] },
    delete: ["manager"],
  },
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
  // a bank transfer the founder owes organisation A: the payer and A's managers and staff read it; only the service writes
  payments: {
    table: "payments",
    row: "bank_reference = 'MATRIXPAY1'",
    groups: {
      money: {
        columns: ["amount_vnd", "method", "status", "deadline", "settled_at", "settled_by", "note"],
        select: ["founder", "manager", "staff", "admin"],
        update: NOBODY,
        set: "status = 'paid'",
      },
      record: {
        columns: ["id", "kind", "reference", "org_id", "payer_id", "description", "stripe_session_id", "checkout_url", "bank_reference", "created_at", "updated_at"],
        select: ["founder", "manager", "staff", "admin"],
        update: NOBODY,
        set: "payer_id = :strangerId",
      },
    },
    insert: {
      sql: "insert into public.payments (kind, reference, org_id, payer_id, description, amount_vnd, method, deadline, bank_reference) values ('matrix', gen_random_uuid(), :orgA, :strangerId, 'x', 1000, 'bank_transfer', now() + interval '1 day', 'MATRIXPAY2')",
      allow: NOBODY,
    },
    delete: NOBODY,
  },
  stripe_events: {
    table: "stripe_events",
    row: "id = 'evt_matrix'",
    groups: { event: { columns: ["id", "type", "payment_id", "received_at"], select: NOBODY, update: NOBODY, set: "type = 'x'" } },
    insert: { sql: "insert into public.stripe_events (id, type) values ('evt_matrix_new', 'x')", allow: NOBODY },
    delete: NOBODY,
  },
};

/**
 * Every function that anon or authenticated may execute: the call tried (`:name` placeholders as
 * above) and the actors who learn something from it. An actor "learns" when the call succeeds and
 * returns a row holding a value other than null, false or an empty list; anyone else must be
 * refused or get nothing. Calls with effects run in a rolled-back savepoint.
 */
export const FUNCTIONS: Record<string, { call: string; learns: readonly Actor[] }> = {
  "accept_invitation(text)": { call: "select public.accept_invitation('matrix-org-token')", learns: NOBODY },
  "accept_reviewer_invitation(text)": { call: "select public.accept_reviewer_invitation('matrix-judge-token')", learns: NOBODY },
  // why accepting deserves a second look: for the call's managers only
  "acceptance_warnings(uuid)": { call: "select public.acceptance_warnings(:app)", learns: ["manager", "admin"] },
  "accept_startup_invitation(text)": { call: "select public.accept_startup_invitation('matrix-startup-token')", learns: NOBODY },
  // the reviewer learns what the call does not hide (here: the founders, not the organisation)
  "application_identity(uuid)": { call: "select * from public.application_identity(:app)", learns: ["assignedReviewer", "manager", "admin"] },
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
  "assigned_applications()": { call: "select * from public.assigned_applications() where id = :app", learns: ["assignedReviewer"] },
  // a call's application counts, for its managers only (settings pages, programme overviews)
  "call_application_counts(uuid)": { call: "select * from public.call_application_counts(:call)", learns: ["manager", "admin"] },
  // events: the organisers' check; registering, cancelling (buyer or organisers), transferring (buyer), the waitlist
  "manages_event(uuid)": { call: "select public.manages_event(:eventLive)", learns: EVENT_STAFF },
  "register_order(uuid,jsonb,text,text,text,uuid)": {
    call: "select public.register_order(:eventLive, jsonb_build_array(jsonb_build_object('ticketType', :ticketType, 'name', 'M', 'email', 'm@example.test')), 'm@example.test', 'en')",
    learns: SIGNED_IN,
  },
  "cancel_order(uuid)": { call: "select (select count(*) from public.cancel_order(:order)) >= 0 as done", learns: ["founder", ...EVENT_STAFF] },
  "transfer_ticket(uuid,text,text,text)": {
    call: "select true as done from public.transfer_ticket(:ticket, 'New Name', 'new@example.test', 'en') x",
    learns: ["founder"],
  },
  // check-in at the door, and its undo: the event's staff only (the code's signature is checked by the app before)
  "check_in_ticket(uuid,uuid,integer)": { call: "select * from public.check_in_ticket(:eventLive, :ticket, 0)", learns: EVENT_STAFF },
  "undo_check_in(uuid,uuid)": { call: "select public.undo_check_in(:eventLive, :ticket) is not null as done", learns: EVENT_STAFF },
  "join_waitlist(uuid,text,text,text)": { call: "select public.join_waitlist(:ticketType, 'M', 'm@example.test', 'en')", learns: SIGNED_IN },
  "leave_waitlist(uuid)": { call: "select (select count(*) from public.leave_waitlist(:waitlistPlace)) >= 0 as done", learns: ["otherFounder"] },
  "ticket_availability(uuid)": { call: "select * from public.ticket_availability(:eventLive)", learns: ALL },
  "unlocked_ticket_types(uuid,text)": { call: "select * from public.unlocked_ticket_types(:eventLive, 'matrix-code')", learns: ALL },
  "call_is_public(uuid)": { call: "select public.call_is_public(:call)", learns: ALL },
  // a pure function of its arguments (a call's status at an instant): reads no row
  "call_status(boolean,timestamp with time zone,timestamp with time zone,timestamp with time zone)": {
    call: "select public.call_status(true, now() - interval '1 day', now() + interval '1 day')",
    learns: SIGNED_IN,
  },
  "call_org_member(uuid,uuid)": { call: "select public.call_org_member(:call, :researcherId)", learns: ["manager", "admin"] },
  "call_ranking(uuid,app_stage)": { call: "select * from public.call_ranking(:call)", learns: ["manager", "admin"] },
  "decide_startup_affiliation(uuid,boolean)": { call: "select public.decide_startup_affiliation(:startupS, true)", learns: ["manager", "admin"] },
  "founds_application(uuid)": { call: "select public.founds_application(:app)", learns: ["founder"] },
  "has_org_role(uuid,member_role[])": { call: "select public.has_org_role(:orgA, '{manager}')", learns: ["manager"] },
  "is_org_member(uuid)": { call: "select public.is_org_member(:orgA)", learns: ORG_A },
  "is_platform_admin()": { call: "select public.is_platform_admin()", learns: ["admin"] },
  "is_startup_member(uuid)": { call: "select public.is_startup_member(:startupS)", learns: ["founder"] },
  "manages_application(uuid)": { call: "select public.manages_application(:app)", learns: ["manager", "admin"] },
  "assign_mentor(uuid,uuid,uuid)": { call: "select public.assign_mentor(:program, :startupS2, :mentorId)", learns: NOBODY },
  "answer_mentor_request(uuid,boolean)": { call: "select public.answer_mentor_request(:request, false)", learns: NOBODY },
  "publish_mentor_proposal(uuid)": { call: "select * from public.publish_mentor_proposal(:program)", learns: NOBODY },
  "send_mentor_requests(uuid,uuid,uuid[])": { call: "select public.send_mentor_requests(:program, :startupS2, array[:mentorId]::uuid[])", learns: NOBODY },
  "manages_program(uuid)": { call: "select public.manages_program(:program)", learns: ["manager", "admin"] },
  "mentor_busy(uuid,timestamp with time zone,timestamp with time zone)": {
    call: "select * from public.mentor_busy(:mentorId, now(), now() + interval '30 days')",
    learns: MENTOR_SEERS,
  },
  // the office hours' ranges hidden from the 1:1 slot list: whoever sees the mentor, as for sessions
  "mentor_office_busy(uuid,timestamp with time zone,timestamp with time zone)": {
    call: "select * from public.mentor_office_busy(:mentorId, now(), now() + interval '30 days')",
    learns: MENTOR_SEERS,
  },
  // S's only founder may not be removed, so nobody learns "yes" here (startup-members.test.ts covers the rest)
  "may_remove_startup_member(uuid,uuid)": { call: "select public.may_remove_startup_member(:startupS, :founderId)", learns: NOBODY },
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
  "manages_call(uuid)": { call: "select public.manages_call(:call)", learns: ["manager", "admin"] },
  // the caller's own colleagues (each one sees themselves)
  "my_colleague_ids()": { call: "select * from public.my_colleague_ids() x where x = :founderId", learns: ["founder"] },
  "my_org_ids(member_role[])": { call: "select * from public.my_org_ids() x where x = :orgA", learns: ORG_A },
  "my_review_assignment_refs()": { call: "select * from public.my_review_assignment_refs()", learns: ["assignedReviewer"] },
  "org_roster(uuid,integer,integer)": { call: "select * from public.org_roster(:orgA, 10, 0)", learns: [...ORG_A, "admin"] },
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
  // the actor is the caller; only managers of the organisation (and admins) may add to its log
  // (and an event's organisers, staff included, to the event's: events-*-http tests write those)
  "record_audit(uuid,uuid,text,uuid,text,jsonb,text,text)": {
    call: "select public.record_audit(:orgA, :call, 'call', :call, 'exported', '{}')",
    learns: ["manager", "admin"],
  },
  // APP's feedback is not released: nobody learns anything (tests/integration/feedback-release.test.ts covers release)
  "released_feedback(uuid)": { call: "select * from public.released_feedback(:app)", learns: NOBODY },
  "reviewer_conflicted(uuid,uuid)": { call: "select public.reviewer_conflicted(:app, :mentorId)", learns: ["manager", "admin"] },
  "reviewer_files(uuid)": { call: "select * from public.reviewer_files(:app)", learns: ["assignedReviewer"] },
  "reviews_application(uuid)": { call: "select public.reviews_application(:app)", learns: ["assignedReviewer"] },
  "reviews_call(uuid)": { call: "select public.reviews_call(:call)", learns: ["assignedReviewer"] },
  "reviews_sighted_application(uuid)": { call: "select public.reviews_sighted_application(:app)", learns: NOBODY },
  "sees_mentor(uuid)": { call: "select public.sees_mentor(:mentorId)", learns: MENTOR_SEERS },
  "withdraw_application(uuid)": { call: "select public.withdraw_application(:app)", learns: ["founder"] },
};
