import { NOBODY, type TableSpec } from "./actors";

// The matrix rows of spaces (./actors.ts says how to read them).

export const TABLES: Record<string, TableSpec> = {
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
};
