import { beforeAll, describe, expect, it } from "vitest";
import { respondToOffer, withdrawApplication } from "~/modules/applications/apply/actions.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { addQuestion, answer, createApplication, createCall, createProgram } from "../support/application-factories";

// After submission an application is frozen for its founders, column by column, in the database:
// only withdraw_application() and respond_to_offer() change it. Drafts stay editable.
let founder: TestUser;
let manager: TestUser;
let startupId: string;
let callId: string;
let trackA: string;
let trackB: string;
let question: string;
let fileQuestion: string;

const attempt = (who: TestUser, statement: string) =>
  asUser(who.claims, async (tx) => (await tx.unsafe(statement)).count).catch((e: Error) => `refused: ${e.message}`);

/** A fresh application of the founder's startup (one per call), with an answer and a deck. */
async function application(status: "draft" | "submitted") {
  const call = await createCall((await createProgram((await createOrg()).id)).id);
  callId = call.id;
  await addMember(
    (
      await asService(
        (tx) => tx<{ org_id: string }[]>`select p.org_id from public.calls c join public.programs p on p.id = c.program_id where c.id = ${call.id}`,
      )
    )[0]!.org_id,
    manager.id,
    "manager",
  );
  const tracks = await asService(
    (tx) =>
      tx<
        { id: string }[]
      >`insert into public.call_tracks (call_id, name_vi, name_en) values (${call.id}, 'A', 'A'), (${call.id}, 'B', 'B') returning id`,
  );
  [trackA, trackB] = [tracks[0]!.id, tracks[1]!.id];
  question = await addQuestion(call.id);
  fileQuestion = await addQuestion(call.id, { kind: "file" });
  const id = await createApplication(call.id, startupId, founder.id, "draft");
  await answer(id, question, "Clean water for Thu Dau Mot");
  await asService(async (tx) => {
    await tx`update public.applications set track_id = ${trackA} where id = ${id}`;
    await tx`insert into public.application_files (application_id, question_id, storage_path, original_name, size_bytes, content_type, uploaded_by)
             values (${id}, ${fileQuestion}, ${"decks/" + id + ".pdf"}, 'deck.pdf', 10, 'application/pdf', ${founder.id})`;
    if (status === "submitted") await tx`update public.applications set status = 'submitted' where id = ${id}`;
  });
  return id;
}

beforeAll(async () => {
  [founder, manager] = await Promise.all([createUser(), createUser()]);
  startupId = (await createStartup(founder.id)).id;
});

describe("a submitted application", () => {
  it("refuses every direct change by its founder: submission time, track, status, keys, authorship", async () => {
    const id = await application("submitted");
    const before = await asService((tx) => tx`select * from public.applications where id = ${id}`);
    for (const set of [
      "submitted_at = now() - interval '30 days'",
      `track_id = '${trackB}'`,
      "status = 'withdrawn'",
      "submit_key = gen_random_uuid()",
      `created_by = '${manager.id}'`,
      "updated_at = now() - interval '1 day'",
      "responded_at = now()",
      "created_at = now() - interval '1 year'",
    ]) {
      expect(await attempt(founder, `update public.applications set ${set} where id = '${id}'`), set).toMatch(/refused: application_locked/);
    }
    expect(await asService((tx) => tx`select * from public.applications where id = ${id}`)).toEqual(before);
  });

  it("refuses changes to its answers and files, including moving a file to a draft", async () => {
    const id = await application("submitted");
    const draft = await createApplication((await createCall((await createProgram((await createOrg()).id)).id)).id, startupId, founder.id, "draft");
    expect(await attempt(founder, `update public.application_answers set value = '"changed"' where application_id = '${id}'`)).toMatch(
      /refused: application_locked/,
    );
    expect(await attempt(founder, `delete from public.application_answers where application_id = '${id}'`)).toMatch(/refused: application_locked/);
    expect(await attempt(founder, `update public.application_files set application_id = '${draft}' where application_id = '${id}'`)).toMatch(
      /refused: application_locked/,
    );
    expect(await attempt(founder, `update public.application_files set original_name = 'other.pdf' where application_id = '${id}'`)).toMatch(
      /refused: application_locked/,
    );
    expect(await attempt(founder, `delete from public.application_files where application_id = '${id}'`)).toMatch(/refused: application_locked/);
    const [file] = await asService((tx) => tx`select application_id, original_name from public.application_files where application_id = ${id}`);
    expect(file).toEqual({ application_id: id, original_name: "deck.pdf" });
  });

  it("is still withdrawn through withdraw_application(), and an offer answered through respond_to_offer()", async () => {
    const withdrawn = await application("submitted");
    expect(await withdrawApplication(founder.claims, withdrawn)).toBe("withdrawn");
    const offered = await application("submitted");
    await asService(
      (tx) => tx`update public.applications set decision = 'accepted', offer_expires_at = now() + interval '7 days' where id = ${offered}`,
    );
    expect(await respondToOffer(founder.claims, offered, true)).toBe("confirmed");
    // the call's managers still move it along
    expect(await attempt(manager, `update public.applications set stage = 'interview' where id = '${offered}'`)).toBe(1);
  });
});

describe("a draft", () => {
  it("stays editable by its founder (track, answers, deck) but never in the managers' columns", async () => {
    const id = await application("draft");
    expect(await attempt(founder, `update public.applications set track_id = '${trackB}' where id = '${id}'`)).toBe(1);
    expect(await attempt(founder, `update public.application_answers set value = '"better"' where application_id = '${id}'`)).toBe(1);
    expect(await attempt(founder, `update public.application_files set original_name = 'deck-v2.pdf' where application_id = '${id}'`)).toBe(1);
    for (const set of [
      "submitted_at = now() - interval '30 days'",
      "eligible = true",
      `created_by = '${manager.id}'`,
      "created_at = now() - interval '1 year'",
    ]) {
      expect(await attempt(founder, `update public.applications set ${set} where id = '${id}'`), set).toMatch(/refused: errors.forbidden/);
    }
  });

  it("cannot be created with a decision, an offer or a submission already in it", async () => {
    const other = (await createStartup(founder.id)).id;
    for (const [column, value] of [
      ["decision", "'accepted'"],
      ["offer_expires_at", "now() + interval '1 year'"],
      ["submitted_at", "now()"],
      ["eligible", "true"],
      ["feedback_released", "true"],
      ["stage", "'decision'"],
    ]) {
      expect(
        await attempt(
          founder,
          `insert into public.applications (call_id, startup_id, created_by, ${column}) values ('${callId}', '${other}', '${founder.id}', ${value})`,
        ),
        column,
      ).toMatch(/refused/);
    }
    expect(
      await attempt(founder, `insert into public.applications (call_id, startup_id, created_by) values ('${callId}', '${other}', '${founder.id}')`),
    ).toBe(1);
  });
});
