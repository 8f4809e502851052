import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";
import type { Stage } from "../match/score";
import type { MentorProfileInput } from "./schema";

// A mentor's own profile: what matching reads (expertise, sectors, languages, stages, capacity)
// and what founders read (bio, organisation). RLS (mentor_profiles_insert/update) lets only a
// person with the mentor role write their own row, naming only an organisation they belong to.

export type Tag = { slug: string; name: { vi: string; en: string } };
export type MentorProfile = {
  bio: string;
  orgId: string | null;
  expertise: string[];
  sectors: string[];
  languages: string[];
  stages: Stage[];
  timeZone: string;
  maxStartups: number;
  hoursPerMonth: number;
};

/** The shared bilingual taxonomy, in the reader's alphabet order. */
export async function expertiseTags(tx: Tx, locale: Locale): Promise<Tag[]> {
  const rows = await tx<Tag[]>`select slug, json_build_object('vi', name_vi, 'en', name_en) as name from public.expertise_tags`;
  return rows.sort((a, b) => a.name[locale].localeCompare(b.name[locale], locale));
}

export type ProfilePage = {
  profile: MentorProfile | null;
  /** Organisations where the viewer holds the mentor role: those they may name, and the gate to the page. */
  orgs: { id: string; name: { vi: string; en: string } }[];
  tags: Tag[];
  programmes: { id: string; name: { vi: string; en: string }; org: { vi: string; en: string } }[];
  load: number;
};

export function mentorProfilePage(claims: Claims, locale: Locale): Promise<ProfilePage> {
  return asUser(claims, async (tx) => {
    const orgs = await tx<ProfilePage["orgs"]>`
      select o.id, json_build_object('vi', o.name_vi, 'en', o.name_en) as name
        from public.organisations o join public.memberships m on m.org_id = o.id
       where m.user_id = ${claims.sub} and m.role = 'mentor' order by o.name_en`;
    const [row] = await tx<(MentorProfile & { load: number })[]>`
      select p.bio, p.org_id as "orgId", p.expertise, p.sectors, p.languages, p.stages, p.time_zone as "timeZone",
             p.max_startups as "maxStartups", p.hours_per_month::float8 as "hoursPerMonth",
             (select count(*)::int from public.startup_mentors sm where sm.mentor_id = p.user_id) as load
        from public.mentor_profiles p where p.user_id = ${claims.sub}`;
    // a person who is not a mentor anywhere and has no profile has no page here
    if (orgs.length === 0 && !row) throw new NotFoundError();
    const programmes = await tx<ProfilePage["programmes"]>`
      select p.id, json_build_object('vi', p.name_vi, 'en', p.name_en) as name, json_build_object('vi', o.name_vi, 'en', o.name_en) as org
        from public.program_mentors pm join public.programs p on p.id = pm.program_id join public.organisations o on o.id = p.org_id
       where pm.mentor_id = ${claims.sub} order by p.name_en`;
    const { load = 0, ...profile } = row ?? {};
    return { profile: row ? (profile as MentorProfile) : null, orgs, tags: await expertiseTags(tx, locale), programmes, load };
  });
}

export type SaveOutcome = "saved" | "unknown_org";

/** Creates or updates the viewer's profile; RLS refuses a person without the mentor role too. */
export function saveMentorProfile(claims: Claims, input: MentorProfileInput): Promise<SaveOutcome> {
  return asUser(claims, async (tx) => {
    const orgs = await tx<{ org_id: string }[]>`select org_id from public.memberships where user_id = ${claims.sub} and role = 'mentor'`;
    const [existing] = await tx`select 1 from public.mentor_profiles where user_id = ${claims.sub}`;
    // no mentor role and no profile: the page does not exist for them (404), as the loader says
    if (orgs.length === 0 && !existing) throw new NotFoundError();
    const orgId = input.orgId === "" ? null : input.orgId;
    if (orgId && !orgs.some((o) => o.org_id === orgId)) return "unknown_org";
    const values = {
      bio: input.bio,
      org_id: orgId,
      expertise: input.expertise,
      sectors: input.sectors,
      languages: input.languages,
      stages: input.stages,
      time_zone: input.timeZone,
      max_startups: input.maxStartups,
      hours_per_month: input.hoursPerMonth,
    };
    await tx`
      insert into public.mentor_profiles (user_id, bio, org_id, expertise, sectors, languages, stages, time_zone, max_startups, hours_per_month)
      values (${claims.sub}, ${values.bio}, ${values.org_id}, ${values.expertise}, ${values.sectors}, ${values.languages}, ${values.stages},
              ${values.time_zone}, ${values.max_startups}, ${values.hours_per_month})
      on conflict (user_id) do update set bio = excluded.bio, org_id = excluded.org_id, expertise = excluded.expertise,
        sectors = excluded.sectors, languages = excluded.languages, stages = excluded.stages, time_zone = excluded.time_zone,
        max_startups = excluded.max_startups, hours_per_month = excluded.hours_per_month, updated_at = now()`;
    return "saved";
  });
}
