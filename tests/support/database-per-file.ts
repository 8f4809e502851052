import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { closeSql } from "~/platform/db/sql.server";
import { resetEnv } from "~/platform/env.server";
import { cloneDatabase } from "./postgres-server";

// Each test file runs against its own copy of the migrated template: files run in parallel and
// never see each other's rows.
const name = `t_${randomBytes(6).toString("hex")}`;
process.env.DATABASE_URL = await cloneDatabase(inject("pgAdminUrl"), name);
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "ir-uploads-"));
process.env.SESSION_SECRET = randomBytes(32).toString("hex");
process.env.TICKET_SECRET = randomBytes(32).toString("hex");
process.env.APP_URL = "http://localhost:3000";
resetEnv();

afterAll(async () => {
  await closeSql();
});
