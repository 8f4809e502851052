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
 * administrator), their programmes and each programme's calls, with the same fields and order as
 * `callSummaries`. One statement (decision 008, ninth pass, pages): the calls nested in their
 * programmes as json, instead of a second statement that waited for the first's programme ids.
 */
export function managerOverview(claims: Claims): Promise<ManagedOrg[]> {
  return asUser(claims, async (tx) => {
    const orgs = await tx<(Omit<ManagedOrg, "programmes"> & { programmes: (Omit<ProgrammeSummary, "calls"> & { calls: JsonCall[] })[] })[]>`
      select o.id, o.slug, o.kind, json_build_object('vi', o.name_vi, 'en', o.name_en) as name, o.time_zone as "timeZone",
             coalesce((select json_agg(json_build_object('id', p.id, 'slug', p.slug,
                         'name', json_build_object('vi', p.name_vi, 'en', p.name_en),
                         'calls', (select coalesce(json_agg(json_build_object(
                                     'id', c.id, 'slug', c.slug, 'programmeId', c.program_id,
                                     'title', json_build_object('vi', c.title_vi, 'en', c.title_en),
                                     'opensAt', c.opens_at, 'closesAt', c.closes_at, 'timeZone', c.time_zone,
                                     'status', public.call_status(c.published, c.opens_at, c.closes_at),
                                     'drafts', coalesce(n.drafts, 0)::int, 'submitted', coalesce(n.submitted, 0)::int)
                                     order by c.opens_at desc, c.title_en), '[]')
                                     from public.calls c
                                     left join lateral public.call_application_counts(c.id) n on true
                                    where c.program_id = p.id)) order by p.name_en)
                         from public.programs p where p.org_id = o.id), '[]') as programmes
        from public.organisations o
       where o.kind in ('incubator', 'innovation_centre')
         -- once per statement (the viewer's managed organisations as a hashed set), not per organisation
         and (o.id in (select public.my_org_ids('{manager}')) or (select public.is_platform_admin()))
       order by o.name_en`;
    return orgs.map((o) => ({
      ...o,
      programmes: o.programmes.map((p) => ({
        ...p,
        calls: p.calls.map((c) => ({ ...c, opensAt: new Date(c.opensAt), closesAt: new Date(c.closesAt) })),
      })),
    }));
  });
}

type JsonCall = Omit<CallSummary, "opensAt" | "closesAt"> & { programmeId: string; opensAt: string; closesAt: string };
