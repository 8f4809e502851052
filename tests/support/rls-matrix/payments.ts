import { NOBODY, type TableSpec } from "./actors";

// The matrix rows of payments (./actors.ts says how to read them).

export const TABLES: Record<string, TableSpec> = {
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
