// The load dataset's heavier pages as tests/load/profile.ts and pg-statements.ts load them.
import postgres from "postgres";
import { seedLoadData } from "./dataset";
import { MANY_REVIEWS, RANKED_CALL, REVIEWS_EACH, loadId } from "./dataset.sql";
import { forumWithAttendee } from "./events";
import type { Page } from "./measure";
import { signIn } from "./session";

async function rankedCall(databaseUrl: string) {
  const db = postgres(databaseUrl, { max: 1 });
  const [row] = await db<{ id: string; slug: string; programmeId: string }[]>`select id, slug, program_id as "programmeId" from public.calls where slug = ${RANKED_CALL}`;
  await db.end();
  return row!;
}

/** The load dataset's heavier pages, as `npm run bench` loads them. */
export async function datasetPages(baseUrl: string, databaseUrl: string, manager: string): Promise<Page[]> {
  await seedLoadData(databaseUrl, () => {});
  const call = await rankedCall(databaseUrl);
  const forum = await forumWithAttendee(baseUrl, databaseUrl);
  const founder = await signIn(baseUrl, "founder@demo.binhduong.example", "demo-password-2026", "Ngô Gia Huy");
  const reviewer = await signIn(baseUrl, "reviewer@demo.binhduong.example", "demo-password-2026", "Phạm Văn Hùng");
  return [
    { name: "/ manager", path: "/", cookie: manager },
    { name: "/orgs/bd-incubator manager", path: "/orgs/bd-incubator", cookie: manager },
    { name: "call page", path: `/calls/${call.slug}` },
    { name: "/manage manager", path: "/manage", cookie: manager },
    { name: "/review reviewer", path: "/review", cookie: reviewer },
    { name: "event page (attendee)", path: forum.path, cookie: forum.attendee },
    { name: "event page (anonymous)", path: forum.path },
    { name: "founder's application", path: "/applications", cookie: founder },
    { name: "week of slots", path: "/mentoring/book/00000000-0000-4000-8000-000000000005", cookie: founder },
    { name: "mentoring report", path: `/manage/programmes/${call.programmeId}/mentoring`, cookie: manager },
    { name: "ranking", path: `/manage/calls/${call.id}/ranking`, cookie: manager },
    // the ranking's call layout serves these too (the bench's rows of the same names)
    { name: `application page, ${REVIEWS_EACH} reviews`, path: `/manage/calls/${call.id}/applications/${loadId("b3", 2)}`, cookie: manager },
    { name: `application page, ${MANY_REVIEWS} reviews`, path: `/manage/calls/${call.id}/applications/${loadId("b3", 1)}`, cookie: manager },
    { name: "call settings", path: `/manage/calls/${call.id}/settings`, cookie: manager },
  ];
}
