import type { Tx } from "~/platform/db/transaction.server";

export type SpaceSummary = {
  id: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  capacity: number;
  hourlyPriceVnd: string;
};

/** An organisation's active spaces, rooms first. Prices come back as strings (bigint). */
export function spacesOf(tx: Tx, orgId: string): Promise<SpaceSummary[]> {
  return tx<SpaceSummary[]>`
      select id, kind, name_vi as "nameVi", name_en as "nameEn", description_vi as "descriptionVi",
             description_en as "descriptionEn", capacity, hourly_price_vnd::text as "hourlyPriceVnd"
        from public.spaces where org_id = ${orgId} and active
       order by array_position(array['meeting_room', 'hot_desk', 'lab', 'hall', 'equipment'], kind), name_en`;
}
