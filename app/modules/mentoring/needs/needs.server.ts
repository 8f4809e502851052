import { NotFoundError } from "~/platform/db/errors.server";
import { asUser, type Claims } from "~/platform/db/transaction.server";
import type { Locale } from "~/platform/i18n/i18n";
import type { Stage } from "../match/score";
import { expertiseTags, type Tag } from "../profiles/profile.server";
import type { NeedsInput } from "./schema";

// A startup's mentoring needs, written by its founders (RLS: startup_needs_insert/update and
// startups_update, both for the startup's members only). Sector and stage live on the startup
// itself, where its profile and applications keep them.

export type Needs = { expertise: string[]; languages: string[]; sector: string; stage: Stage; note: string };
export type NeedsPage = {
  startup: { id: string; slug: string; name: string };
  needs: Needs;
  /** True until the founders first save: the form shows what was read from the startup and its application. */
  prefilled: boolean;
  tags: Tag[];
};

/**
 * The needs of a startup the viewer belongs to (404 otherwise). Before the first save they are
 * prefilled: sector and stage from the startup, languages from the founders' profiles, and the
 * taxonomy's tags named in its latest submitted application's answers.
 */
export function needsPage(claims: Claims, slug: string, locale: Locale): Promise<NeedsPage> {
  return asUser(claims, async (tx) => {
    const [startup] = await tx<{ id: string; slug: string; name: string; sector: string; stage: Stage; member: boolean }[]>`
      select id, slug, name, sector, stage, public.is_startup_member(id) as member from public.startups where slug = ${slug}`;
    if (!startup?.member) throw new NotFoundError();
    const tags = await expertiseTags(tx, locale);
    const [saved] = await tx<{ expertise: string[]; languages: string[]; note: string }[]>`
      select expertise, languages, note from public.startup_needs where startup_id = ${startup.id}`;
    const base = { sector: startup.sector, stage: startup.stage };
    const page = { startup: { id: startup.id, slug: startup.slug, name: startup.name }, tags };
    if (saved) return { ...page, needs: { ...saved, ...base }, prefilled: false };
    const [guess] = await tx<{ expertise: string[]; languages: string[] }[]>`
      with answers as (
        select lower(string_agg(a.value::text, ' ')) as text
          from public.application_answers a
         where a.application_id = (select id from public.applications where startup_id = ${startup.id} and status = 'submitted'
                                    order by submitted_at desc limit 1))
      select coalesce((select array_agg(t.slug order by t.slug) from public.expertise_tags t, answers
                        where answers.text like '%' || lower(t.name_en) || '%' or answers.text like '%' || lower(t.name_vi) || '%'), '{}') as expertise,
             coalesce((select array_agg(distinct l order by l) from public.startup_members m join public.profiles p on p.id = m.user_id,
                              unnest(p.languages) l where m.startup_id = ${startup.id}), '{vi}') as languages`;
    return { ...page, needs: { expertise: guess!.expertise, languages: guess!.languages, note: "", ...base }, prefilled: true };
  });
}

/** Saves the needs and the startup's sector and stage in one transaction. */
export function saveNeeds(claims: Claims, slug: string, input: NeedsInput): Promise<void> {
  return asUser(claims, async (tx) => {
    const [startup] = await tx<{ id: string; member: boolean }[]>`
      select id, public.is_startup_member(id) as member from public.startups where slug = ${slug}`;
    if (!startup?.member) throw new NotFoundError();
    await tx`update public.startups set sector = ${input.sector}, stage = ${input.stage} where id = ${startup.id}`;
    await tx`
      insert into public.startup_needs (startup_id, expertise, languages, note) values (${startup.id}, ${input.expertise}, ${input.languages}, ${input.note})
      on conflict (startup_id) do update set expertise = excluded.expertise, languages = excluded.languages, note = excluded.note, updated_at = now()`;
  });
}
