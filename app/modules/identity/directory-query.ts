import { pageParam } from "~/ui/pager";

export const ORG_KINDS = ["innovation_centre", "incubator", "university", "business", "government_agency", "investor"] as const;

/**
 * The directory's query string. It is a link anyone can edit, so nothing in it is an error:
 * an unknown kind means every kind, an overlong search is cut, a nonsense page is the first.
 */
export function directoryQuery(url: URL) {
  const kind = url.searchParams.get("kind");
  return {
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    kind: (ORG_KINDS as readonly string[]).includes(kind ?? "") ? kind : null,
    page: pageParam(url),
  };
}
