import { asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import type { Bilingual } from "~/platform/i18n/i18n";

export type CallStatus = "draft" | "scheduled" | "open" | "closed";
export type CallSummary = {
  id: string;
  slug: string;
  title: Bilingual;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  status: CallStatus;
  drafts: number;
  submitted: number;
};
export type ProgrammeSummary = { id: string; slug: string; name: Bilingual; calls: CallSummary[] };
export type ManagedOrg = { id: string; slug: string; kind: string; name: Bilingual; timeZone: string; programmes: ProgrammeSummary[] };

/** The calls of some programmes with their status and application counts: one statement. */
export function callSummaries(tx: Tx, programmeIds: string[]) {
  return tx<(CallSummary & { programmeId: string })[]>`
    select c.id, c.slug, c.program_id as "programmeId",
           json_build_object('vi', c.title_vi, 'en', c.title_en) as title,
           c.opens_at as "opensAt", c.closes_at as "closesAt", c.time_zone as "timeZone",
           public.call_status(c.published, c.opens_at, c.closes_at) as status,
           coalesce(n.drafts, 0)::int as drafts, coalesce(n.submitted, 0)::int as submitted
      from public.calls c
      left join lateral public.call_application_counts(c.id) n on true
     where c.program_id = any (${programmeIds}::uuid[])
     order by c.opens_at desc, c.title_en`;
}

/**
 * /manage: the incubators and innovation centres the viewer manages (all of them for a platform
 * administrator), their programmes and each programme's calls. Two statements whatever the size.
 */
export function managerOverview(claims: Claims): Promise<ManagedOrg[]> {
  return asUser(claims, async (tx) => {
    const orgs = await tx<(Omit<ManagedOrg, "programmes"> & { programmes: Omit<ProgrammeSummary, "calls">[] })[]>`
      select o.id, o.slug, o.kind, json_build_object('vi', o.name_vi, 'en', o.name_en) as name, o.time_zone as "timeZone",
             coalesce((select json_agg(json_build_object('id', p.id, 'slug', p.slug,
                         'name', json_build_object('vi', p.name_vi, 'en', p.name_en)) order by p.name_en)
                         from public.programs p where p.org_id = o.id), '[]') as programmes
        from public.organisations o
       where o.kind in ('incubator', 'innovation_centre')
         -- once per statement (the viewer's managed organisations as a hashed set), not per organisation
         and (o.id in (select public.my_org_ids('{manager}')) or (select public.is_platform_admin()))
       order by o.name_en`;
    const ids = orgs.flatMap((o) => o.programmes.map((p) => p.id));
    const calls = ids.length ? await callSummaries(tx, ids) : [];
    return orgs.map((o) => ({
      ...o,
      programmes: o.programmes.map((p) => ({ ...p, calls: calls.filter((c) => c.programmeId === p.id) })),
    }));
  });
}
