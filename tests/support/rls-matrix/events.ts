import { ALL, SIGNED_IN, NOBODY, EVENT_STAFF, type FunctionSpec, type TableSpec } from "./actors";

// The matrix rows of events: tickets, orders, waitlist, check-in, messages (./actors.ts says how to read them).

export const TABLES: Record<string, TableSpec> = {
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
};

export const FUNCTIONS: Record<string, FunctionSpec> = {
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
};
