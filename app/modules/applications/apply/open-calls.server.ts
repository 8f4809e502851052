import { readAs, type Claims } from "~/platform/db/transaction.server";
import { loadCallForm } from "../call-form.server";
import type { Bilingual } from "~/platform/i18n/i18n";
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
    const mine = claims
      ? await tx<MyCallApplication[]>`
          select a.id, a.startup_id as "startupId", s.name as "startupName", a.status
            from public.applications a join public.startups s on s.id = a.startup_id
           where a.call_id = ${form.call.id} and public.is_startup_member(a.startup_id)
           order by s.name`
      : [];
    const now = Date.now();
    const state = now < form.call.opensAt.getTime() ? "upcoming" : now >= form.call.closesAt.getTime() ? "closed" : "open";
    return { ...form, mine, state: state as "upcoming" | "open" | "closed" };
  });
}
