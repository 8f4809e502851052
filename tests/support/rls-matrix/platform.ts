import { ALL, SIGNED_IN, NOBODY, ORG_A, type FunctionSpec, type TableSpec } from "./actors";

// The matrix rows of identity, organisations, startups, sign-in, mail and the audit trail (./actors.ts says how to read them).

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
      membership: { columns: ["org_id", "user_id", "role", "created_at", "profile_name"], select: [...ORG_A, "admin"], update: NOBODY, set: "role = 'partner'" },
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
};

export const FUNCTIONS: Record<string, FunctionSpec> = {
  "accept_invitation(text)": { call: "select public.accept_invitation('matrix-org-token')", learns: NOBODY },
  "accept_startup_invitation(text)": { call: "select public.accept_startup_invitation('matrix-startup-token')", learns: NOBODY },
  "decide_startup_affiliation(uuid,boolean)": { call: "select public.decide_startup_affiliation(:startupS, true)", learns: ["manager", "admin"] },
  "has_org_role(uuid,member_role[])": { call: "select public.has_org_role(:orgA, '{manager}')", learns: ["manager"] },
  "is_org_member(uuid)": { call: "select public.is_org_member(:orgA)", learns: ORG_A },
  "is_platform_admin()": { call: "select public.is_platform_admin()", learns: ["admin"] },
  "is_startup_member(uuid)": { call: "select public.is_startup_member(:startupS)", learns: ["founder"] },
  // S's only founder may not be removed, so nobody learns "yes" here (startup-members.test.ts covers the rest)
  "may_remove_startup_member(uuid,uuid)": { call: "select public.may_remove_startup_member(:startupS, :founderId)", learns: NOBODY },
  // the caller's own colleagues (each one sees themselves)
  "my_colleague_ids()": { call: "select * from public.my_colleague_ids() x where x = :founderId", learns: ["founder"] },
  "my_org_ids(member_role[])": { call: "select * from public.my_org_ids() x where x = :orgA", learns: ORG_A },
  "org_roster(uuid,integer,integer)": { call: "select * from public.org_roster(:orgA, 10, 0)", learns: [...ORG_A, "admin"] },
  // the actor is the caller; only managers of the organisation (and admins) may add to its log
  // (and an event's organisers, staff included, to the event's: events-*-http tests write those)
  "record_audit(uuid,uuid,text,uuid,text,jsonb,text,text)": {
    call: "select public.record_audit(:orgA, :call, 'call', :call, 'exported', '{}')",
    learns: ["manager", "admin"],
  },
};
