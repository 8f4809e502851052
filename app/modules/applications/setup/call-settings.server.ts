import { randomUUID } from "node:crypto";
import { ConflictError, ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { assertManagesCall, assertManagesProgramme } from "../access.server";
import { parseInput, refused, type Outcome } from "~/platform/http/form.server";
import { offerPerRequest } from "~/platform/http/request-scope.server";
import { requireId } from "~/platform/ids.server";
import { CallSchema, type CallInput } from "./schema";
import type { Bilingual } from "~/platform/i18n/i18n";
import type { Track } from "../types";

// A call's settings. Opening and closing times are typed as wall-clock times of the
// organisation's zone; PostgreSQL turns them into instants (`timestamp at time zone zone`, with
// the IANA database it ships), so no zone arithmetic is written here, and reads them back the
// same way for the form.

export type CallHeader = {
  id: string;
  slug: string;
  programmeId: string;
  programmeName: Bilingual;
  orgName: Bilingual;
  title: Bilingual;
  published: boolean;
  status: "draft" | "scheduled" | "open" | "closed";
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  submitted: number;
  drafts: number;
};

export type CallSettings = CallHeader & {
  description: Bilingual;
  /** Wall-clock values for datetime-local inputs, in `orgTimeZone`. */
  opensLocal: string;
  closesLocal: string;
  reviewDueLocal: string | null;
  orgTimeZone: string;
  blindFields: string[];
  reviewsPerApplication: number;
  zMinReviews: number;
  shortlistThreshold: number | null;
  offerDays: number;
  /** Titles of the form's steps that have one, by step number. */
  stepTitles: Record<string, Bilingual>;
};

/** The facts every manager page of a call shows in its header, in one statement. */
export async function callHeader(tx: Tx, callId: string): Promise<CallSettings> {
  const [row] = await tx<CallSettings[]>`
    select ${headerColumns(tx)}
      from public.calls c join public.programs p on p.id = c.program_id join public.organisations o on o.id = p.org_id
      left join lateral public.call_application_counts(c.id) n on true
     where c.id = ${callId}`;
  if (!row) throw new NotFoundError();
  return row;
}

function headerColumns(tx: Tx) {
  return tx`
    c.id, c.slug, p.id as "programmeId", json_build_object('vi', p.name_vi, 'en', p.name_en) as "programmeName",
    json_build_object('vi', o.name_vi, 'en', o.name_en) as "orgName",
    json_build_object('vi', c.title_vi, 'en', c.title_en) as title,
    json_build_object('vi', c.description_vi, 'en', c.description_en) as description,
    c.published, c.opens_at as "opensAt", c.closes_at as "closesAt", c.time_zone as "timeZone",
    public.call_status(c.published, c.opens_at, c.closes_at) as status,
    to_char(c.opens_at at time zone o.time_zone, 'YYYY-MM-DD"T"HH24:MI') as "opensLocal",
    to_char(c.closes_at at time zone o.time_zone, 'YYYY-MM-DD"T"HH24:MI') as "closesLocal",
    to_char(c.review_due_at at time zone o.time_zone, 'YYYY-MM-DD"T"HH24:MI') as "reviewDueLocal",
    o.time_zone as "orgTimeZone", c.blind_fields as "blindFields",
    c.reviews_per_application as "reviewsPerApplication", c.z_min_reviews as "zMinReviews", c.shortlist_threshold::float8 as "shortlistThreshold",
    c.offer_days as "offerDays", c.step_titles as "stepTitles",
    coalesce(n.submitted, 0) as submitted, coalesce(n.drafts, 0) as drafts`;
}

/**
 * assertManagesCall, callHeader and the call's tracks in one statement, with the same answers
 * (no call: not found; a call the viewer does not manage: forbidden; then callHeader's not found):
 * one statement where the settings page sent three (decision 008, eighth pass, manager).
 */
async function checkedHeaderAndTracks(tx: Tx, callId: string): Promise<{ call: CallSettings; tracks: Track[] }> {
  const [row] = await tx<(CallSettings & { manages: boolean; headerSeen: boolean; tracks: Track[] })[]>`
    select public.manages_call(c.id) as manages, o.id is not null as "headerSeen", ${headerColumns(tx)},
           coalesce((select json_agg(json_build_object('id', t.id, 'name', json_build_object('vi', t.name_vi, 'en', t.name_en))
                                     order by t.position, t.name_en)
                       from public.call_tracks t where t.call_id = c.id), '[]') as tracks
      from public.calls c
      left join (public.programs p join public.organisations o on o.id = p.org_id) on p.id = c.program_id
      left join lateral public.call_application_counts(c.id) n on true
     where c.id = ${callId}`;
  if (!row) throw new NotFoundError();
  if (!row.manages) throw new ForbiddenError();
  if (!row.headerSeen) throw new NotFoundError();
  const { manages: _manages, headerSeen: _seen, tracks, ...call } = row;
  return { call, tracks };
}

/** What the layout of a call's manager pages shows above every section. */
export type CallHeading = Pick<CallHeader, "id" | "programmeId" | "programmeName" | "title" | "status" | "opensAt" | "closesAt" | "timeZone">;

/**
 * The call's heading for its manager pages' layout, after the check that the viewer manages it.
 * No application counts: under RLS, counting a 5,000-application call costs a policy check per row
 * on every page of the call (the overview page counts them).
 */
export function callHeadingPage(claims: Claims, callId: string): Promise<CallHeading> {
  const id = requireId(callId);
  return asUser(claims, (tx) => callHeadingWithin(tx, id));
}

/** What a call page and the call's layout name the heading by in their request (`offerPerRequest`). */
export const callHeadingKey = (callId: string) => `call-heading:${callId}`;

/**
 * A call page's loader that reads the call layout's heading in its own transaction, so the two share
 * one BEGIN, settings and COMMIT (decision 008, ninth pass): the page offers the read synchronously,
 * before `load`'s first await, and hands `alongside` to its transaction, which sends the heading first.
 */
export async function offeringCallHeading<T>(request: Request, callId: string, load: (alongside: (tx: Tx) => void) => Promise<T>): Promise<T> {
  const heading = offerPerRequest<CallHeading>(request, callHeadingKey(callId));
  try {
    return await load((tx) => heading.fill(() => callHeadingWithin(tx, callId)));
  } finally {
    heading.close();
  }
}

/**
 * The heading inside a transaction of the viewer's that is already open (a call page's own, so
 * the layout's read shares its BEGIN, settings and COMMIT; decision 008, ninth pass). The statement
 * is sent at once, ahead of whatever the page sends next.
 */
export async function callHeadingWithin(tx: Tx, callId: string): Promise<CallHeading> {
  const id = requireId(callId);
  // The check and the heading in one statement (the answers of assertManagesCall, then of the
  // heading: no call is not found, a call the viewer does not manage is forbidden).
  const [row] = await tx<(CallHeading & { manages: boolean; programmeSeen: boolean })[]>`
    select public.manages_call(c.id) as manages, p.id is not null as "programmeSeen",
           c.id, p.id as "programmeId", json_build_object('vi', p.name_vi, 'en', p.name_en) as "programmeName",
           json_build_object('vi', c.title_vi, 'en', c.title_en) as title,
           c.opens_at as "opensAt", c.closes_at as "closesAt", c.time_zone as "timeZone",
           public.call_status(c.published, c.opens_at, c.closes_at) as status
      from public.calls c left join public.programs p on p.id = c.program_id
     where c.id = ${id}`.execute();
  if (!row) throw new NotFoundError();
  if (!row.manages) throw new ForbiddenError();
  if (!row.programmeSeen) throw new NotFoundError();
  const { manages: _manages, programmeSeen: _seen, ...heading } = row;
  return heading;
}

/** The settings page: the call (as its form shows it) and its tracks. */
export async function callSettingsPage(claims: Claims, callId: string, alongside?: (tx: Tx) => void): Promise<{ call: CallSettings; tracks: Track[] }> {
  const id = requireId(callId);
  return asUser(claims, (tx) => {
    alongside?.(tx);
    return checkedHeaderAndTracks(tx, id);
  });
}

/** The page that creates a call: the programme it belongs to and the zone its times are typed in. */
export async function newCallPage(claims: Claims, programmeId: string) {
  const id = requireId(programmeId);
  return asUser(claims, async (tx) => {
    await assertManagesProgramme(tx, id);
    const [row] = await tx<{ id: string; name: Bilingual; timeZone: string }[]>`
      select p.id, json_build_object('vi', p.name_vi, 'en', p.name_en) as name, o.time_zone as "timeZone"
        from public.programs p join public.organisations o on o.id = p.org_id where p.id = ${id}`;
    if (!row) throw new NotFoundError();
    return row;
  });
}

const slugTaken = (error: unknown) => error instanceof ConflictError && /slug/.test(error.constraint ?? "");

function values(c: CallInput) {
  return {
    slug: c.slug,
    title_vi: c.titleVi,
    title_en: c.titleEn,
    description_vi: c.descriptionVi,
    description_en: c.descriptionEn,
    published: c.published,
    blind_fields: c.blindFields,
    reviews_per_application: c.reviewsPerApplication,
    z_min_reviews: c.zMinReviews,
    shortlist_threshold: c.shortlistThreshold ?? null,
    offer_days: c.offerDays,
  };
}

/** A new call of a programme; its times are read in the organisation's zone. Unpublished unless asked. */
export async function createCall(claims: Claims, programmeId: string, input: unknown): Promise<Outcome<{ id: string }>> {
  const id = requireId(programmeId);
  const form = parseInput(CallSchema, input);
  if (!form.ok) return form;
  const c = form.data;
  const v = values(c);
  try {
    return await asUser(claims, async (tx) => {
      await assertManagesProgramme(tx, id);
      // RLS (calls_insert) refuses unless the viewer manages the programme's organisation.
      // No RETURNING: the new row is not yet visible to the select policy's check.
      const newId = randomUUID();
      const inserted = await tx`
        insert into public.calls (id, program_id, slug, title_vi, title_en, description_vi, description_en, opens_at, closes_at,
                                  time_zone, published, blind_fields, reviews_per_application, shortlist_threshold, offer_days,
                                  review_due_at, z_min_reviews)
        select ${newId}, p.id, ${v.slug}, ${v.title_vi}, ${v.title_en}, ${v.description_vi}, ${v.description_en},
               ${c.opensAt}::timestamp at time zone o.time_zone, ${c.closesAt}::timestamp at time zone o.time_zone,
               o.time_zone, ${v.published}, ${v.blind_fields}::text[], ${v.reviews_per_application}, ${v.shortlist_threshold},
               ${v.offer_days}, ${c.reviewDueAt ?? null}::timestamp at time zone o.time_zone, ${v.z_min_reviews}
          from public.programs p join public.organisations o on o.id = p.org_id
         where p.id = ${id}`;
      if (inserted.count !== 1) throw new NotFoundError();
      return { ok: true as const, value: { id: newId } };
    });
  } catch (error) {
    if (slugTaken(error)) return refused({ slug: "setup.errors.slugTaken" });
    throw error;
  }
}

export async function updateCall(claims: Claims, callId: string, input: unknown): Promise<Outcome> {
  const id = requireId(callId);
  const form = parseInput(CallSchema, input);
  if (!form.ok) return form;
  const c = form.data;
  const v = values(c);
  try {
    return await asUser(claims, async (tx) => {
      await assertManagesCall(tx, id);
      const updated = await tx`
        update public.calls c
           set slug = ${v.slug}, title_vi = ${v.title_vi}, title_en = ${v.title_en},
               description_vi = ${v.description_vi}, description_en = ${v.description_en},
               opens_at = ${c.opensAt}::timestamp at time zone o.time_zone,
               closes_at = ${c.closesAt}::timestamp at time zone o.time_zone, time_zone = o.time_zone,
               published = ${v.published}, blind_fields = ${v.blind_fields}::text[],
               reviews_per_application = ${v.reviews_per_application}, z_min_reviews = ${v.z_min_reviews},
               shortlist_threshold = ${v.shortlist_threshold},
               offer_days = ${v.offer_days},
               review_due_at = ${c.reviewDueAt ?? null}::timestamp at time zone o.time_zone
          from public.programs p join public.organisations o on o.id = p.org_id
         where c.id = ${id} and p.id = c.program_id`;
      if (updated.count !== 1) throw new NotFoundError();
      return { ok: true as const, value: undefined };
    });
  } catch (error) {
    if (slugTaken(error)) return refused({ slug: "setup.errors.slugTaken" });
    throw error;
  }
}

/** The call's overview for its managers: header facts, tracks, and the size of its form and rubric. */
export async function callOverviewPage(claims: Claims, callId: string) {
  const id = requireId(callId);
  return asUser(claims, async (tx) => {
    await assertManagesCall(tx, id);
    const [call, [sizes], tracks] = await Promise.all([
      callHeader(tx, id),
      tx<{ questions: number; criteria: number }[]>`
        select (select count(*) from public.call_questions where call_id = ${id})::int as questions,
               (select count(*) from public.rubric_criteria where call_id = ${id})::int as criteria`,
      tx<Track[]>`select id, json_build_object('vi', name_vi, 'en', name_en) as name
                    from public.call_tracks where call_id = ${id} order by position, name_en`,
    ]);
    return { call, tracks, questions: sizes?.questions ?? 0, criteria: sizes?.criteria ?? 0 };
  });
}
