import { afterAll, describe, expect, it } from "vitest";
import { callPage, publicCallPage } from "~/modules/applications/apply/open-calls.server";
import { NotFoundError } from "~/platform/db/errors.server";
import { closeSql, statementCount } from "~/platform/db/sql.server";
import { asService } from "~/platform/db/transaction.server";
import { inLocale, type Locale } from "~/platform/i18n/i18n";
import { addCriterion, addQuestion, createApplication, createCall, createProgram } from "../support/application-factories";
import { createOrg, createStartup, createUser } from "../support/factories";

// The call page reads only what it shows, in the viewer's language (decision 008, ninth pass, anon):
// `publicCallPage` must show what `callPage` shows, each text picked as the page picked it (`inLocale`).
afterAll(() => closeSql());

type Full = Awaited<ReturnType<typeof callPage>>;
const shown = (full: Full, locale: Locale) => ({
  call: {
    slug: full.call.slug,
    orgSlug: full.call.orgSlug,
    orgName: inLocale(full.call.orgName, locale),
    programmeName: inLocale(full.call.programmeName, locale),
    title: inLocale(full.call.title, locale),
    description: inLocale(full.call.description, locale),
    opensAt: full.call.opensAt,
    closesAt: full.call.closesAt,
    timeZone: full.call.timeZone,
    blindFields: full.call.blindFields,
  },
  tracks: full.tracks.map((t) => inLocale(t.name, locale)),
  questions: full.questions.map((q) => ({ label: inLocale(q.label, locale), required: q.required })),
  criteria: full.criteria.map((c) => ({
    name: inLocale(c.name, locale),
    description: inLocale(c.description, locale),
    weight: c.weight,
    levels: c.levels.map((l) => ({ level: l.level, description: inLocale(l.description, locale) })),
  })),
  mine: full.mine,
  state: full.state,
});

describe("the call page in one language", () => {
  it("shows what the bilingual read shows, in the viewer's language, a text empty in it in the other's", async () => {
    const org = await createOrg();
    const program = await createProgram(org.id);
    const call = await createCall(program.id, { blind: ["founders"] });
    await addQuestion(call.id, { required: true });
    await addQuestion(call.id, { step: 2 });
    const criterion = await addCriterion(call.id, 2, 3);
    await addCriterion(call.id, 1);
    await asService(async (tx) => {
      await tx`insert into public.call_tracks (call_id, position, name_vi, name_en) values (${call.id}, 1, 'Nông nghiệp', 'Agritech'), (${call.id}, 0, 'Đô thị', 'City')`;
      await tx`insert into public.rubric_levels (criterion_id, level, description_vi, description_en) values (${criterion}, 2, 'Hai', 'Two'), (${criterion}, 1, 'Một', 'One')`;
      // one language only: the description in English, the criterion's description in Vietnamese
      await tx`update public.calls set description_vi = '', description_en = 'English only' where id = ${call.id}`;
      await tx`update public.rubric_criteria set description_vi = 'Chỉ tiếng Việt', description_en = '' where id = ${criterion}`;
    });
    const founder = await createUser({ locale: "vi" });
    const startup = await createStartup(founder.id);
    await createApplication(call.id, startup.id, founder.id, "draft");

    for (const claims of [null, founder.claims]) {
      const full = await callPage(claims, call.slug);
      for (const locale of ["vi", "en"] as const) {
        const page = await publicCallPage(claims, call.slug, locale);
        expect(page).toEqual(shown(full, locale));
      }
    }
    const vi = await publicCallPage(null, call.slug, "vi");
    expect(vi.call.description).toBe("English only");
    expect(vi.tracks).toEqual(["Đô thị", "Nông nghiệp"]);
    expect((await publicCallPage(null, call.slug, "en")).criteria[0]!.description).toBe("Chỉ tiếng Việt");
    expect((await publicCallPage(founder.claims, call.slug, "en")).mine).toHaveLength(1);

    // a visitor's is one statement
    const before = statementCount();
    await publicCallPage(null, call.slug, "en");
    expect(statementCount() - before).toBe(1);
  });

  it("finds no draft call, and no call that does not exist", async () => {
    const org = await createOrg();
    const program = await createProgram(org.id);
    const draft = await createCall(program.id, { published: false });
    await expect(publicCallPage(null, draft.slug, "vi")).rejects.toBeInstanceOf(NotFoundError);
    await expect(publicCallPage(null, "no-such-call", "en")).rejects.toBeInstanceOf(NotFoundError);
  });
});
