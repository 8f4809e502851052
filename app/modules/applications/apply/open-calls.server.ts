import { readAs, type Claims, type Statements } from "~/platform/db/transaction.server";
import { loadCallForm } from "../call-form.server";
import type { Bilingual, Locale } from "~/platform/i18n/i18n";
import { NotFoundError } from "~/platform/db/errors.server";

export type CallSummary = {
  slug: string;
  title: Bilingual;
  programmeName: Bilingual;
  orgName: Bilingual;
  opensAt: string;
  closesAt: string;
  timeZone: string;
  open: boolean;
};

/** Published calls that are open now or open later, soonest deadline first. One statement. */
export function listCalls(claims: Claims | null): Promise<CallSummary[]> {
  return readAs(
    claims,
    (tx) => tx<CallSummary[]>`
      select c.slug, json_build_object('vi', c.title_vi, 'en', c.title_en) as title,
             json_build_object('vi', p.name_vi, 'en', p.name_en) as "programmeName",
             json_build_object('vi', o.name_vi, 'en', o.name_en) as "orgName",
             c.opens_at as "opensAt", c.closes_at as "closesAt", c.time_zone as "timeZone",
             now() >= c.opens_at as open
        from public.calls c
        join public.programs p on p.id = c.program_id
        join public.organisations o on o.id = p.org_id
       where c.published and c.closes_at > now()
       order by (now() >= c.opens_at) desc, c.closes_at, c.slug
       limit 200`,
  );
}

export type MyCallApplication = { id: string; startupId: string; startupName: string; status: string };

/**
 * A call's public page: the call, its tracks, questions and rubric, and the viewer's own
 * applications to it (RLS shows only their startups'). One transaction.
 */
export function callPage(claims: Claims | null, slug: string) {
  // a visitor's page is the one statement of loadCallForm (mine is read for a signed-in person only)
  return readAs(claims, async (tx) => {
    const form = await loadCallForm(tx, { slug });
    if (!form || !form.call.published) throw new NotFoundError();
    const mine = claims ? await myApplications(tx, form.call.id) : [];
    return { ...form, mine, state: stateAt(form.call.opensAt, form.call.closesAt) };
  });
}

// the viewer's own applications to a call (RLS shows only their startups')
const myApplications = (tx: Statements, callId: string) => tx<MyCallApplication[]>`
  select a.id, a.startup_id as "startupId", s.name as "startupName", a.status
    from public.applications a join public.startups s on s.id = a.startup_id
   where a.call_id = ${callId} and public.is_startup_member(a.startup_id)
   order by s.name`;

function stateAt(opensAt: Date, closesAt: Date): "upcoming" | "open" | "closed" {
  const now = Date.now();
  return now < opensAt.getTime() ? "upcoming" : now >= closesAt.getTime() ? "closed" : "open";
}

/** A call's public page as it shows, its texts in one language (`publicCallPage`). */
export type PublicCallPage = {
  call: {
    slug: string;
    orgSlug: string;
    orgName: string;
    programmeName: string;
    title: string;
    description: string;
    opensAt: Date;
    closesAt: Date;
    timeZone: string;
    blindFields: ("organisation" | "founders" | "team")[];
  };
  tracks: string[];
  questions: { label: string; required: boolean }[];
  criteria: { name: string; description: string; weight: number; levels: { level: number; description: string }[] }[];
  mine: MyCallApplication[];
  state: "upcoming" | "open" | "closed";
};

/**
 * What the call page shows, and no more (decision 008, ninth pass, anon): `callPage`'s call, tracks,
 * question labels and rubric, but only the columns the page shows and each text in the viewer's
 * language as `inLocale` picks it (the other language when this one is empty), so the statement
 * builds, the server parses and the page carries half the text and none of the form's help, options
 * and limits. Same tables, same order, same RLS as `loadCallForm`; a visitor's is one statement
 * alone, a signed-in person's adds their applications in their transaction, as `callPage` does. The
 * language switch is a post whose redirect runs the loader again in the new language.
 */
export function publicCallPage(claims: Claims | null, slug: string, locale: Locale): Promise<PublicCallPage> {
  return readAs(claims, async (tx) => {
    // a text column in the viewer's language (l), the other's (o) when empty, as `inLocale`: "c.title" → "c"."title_vi".
    // Identifiers, not tx`…` fragments: each fragment is a postgres.js Query, which captures a stack while statements are counted.
    const [shown, other] = locale === "en" ? ["en", "vi"] : ["vi", "en"];
    const l = (column: string) => tx(`${column}_${shown}`);
    const o = (column: string) => tx(`${column}_${other}`);
    const [row] = await tx<(Omit<PublicCallPage, "mine" | "state"> & { id: string; published: boolean })[]>`
      select c.id, c.published,
             json_build_object(
               'slug', c.slug, 'orgSlug', o.slug, 'orgName', coalesce(nullif(${l("o.name")}, ''), ${o("o.name")}),
               'programmeName', coalesce(nullif(${l("p.name")}, ''), ${o("p.name")}), 'title', coalesce(nullif(${l("c.title")}, ''), ${o("c.title")}),
               'description', coalesce(nullif(${l("c.description")}, ''), ${o("c.description")}), 'opensAt', c.opens_at, 'closesAt', c.closes_at,
               'timeZone', c.time_zone, 'blindFields', c.blind_fields) as call,
             coalesce((select json_agg(coalesce(nullif(${l("t.name")}, ''), ${o("t.name")}) order by t.position, t.name_en)
                         from public.call_tracks t where t.call_id = c.id), '[]') as tracks,
             coalesce((select json_agg(json_build_object('label', coalesce(nullif(${l("q.label")}, ''), ${o("q.label")}), 'required', q.required)
                         order by q.step, q.position, q.created_at)
                         from public.call_questions q where q.call_id = c.id), '[]') as questions,
             coalesce((select json_agg(json_build_object(
                         'name', coalesce(nullif(${l("r.name")}, ''), ${o("r.name")}), 'description', coalesce(nullif(${l("r.description")}, ''), ${o("r.description")}), 'weight', r.weight,
                         'levels', coalesce((select json_agg(json_build_object('level', l.level, 'description', coalesce(nullif(${l("l.description")}, ''), ${o("l.description")}))
                                               order by l.level)
                                             from public.rubric_levels l where l.criterion_id = r.id), '[]'))
                         order by r.position, r.name_en)
                         from public.rubric_criteria r where r.call_id = c.id), '[]') as criteria
        from public.calls c
        join public.programs p on p.id = c.program_id
        join public.organisations o on o.id = p.org_id
       where c.slug = ${slug}`;
    if (!row || !row.published) throw new NotFoundError();
    const mine = claims ? await myApplications(tx, row.id) : [];
    const opensAt = new Date(row.call.opensAt);
    const closesAt = new Date(row.call.closesAt);
    return { call: { ...row.call, opensAt, closesAt }, tracks: row.tracks, questions: row.questions, criteria: row.criteria, mine, state: stateAt(opensAt, closesAt) };
  });
}

