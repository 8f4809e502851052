import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous / next links for a list paged by the query parameter `param`, keeping the rest of the query. */
export function Pager({
  page,
  pageSize,
  total,
  search,
  param = "page",
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  search: string;
  param?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page === 1) return null;
  const to = (p: number) => {
    const params = new URLSearchParams(search);
    params.set(param, String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={label ?? t("pager.pages")} className="pager">
      {page > 1 ? <Link to={to(page - 1)}>{t("pager.previous")}</Link> : null}
      <span>{t("pager.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={to(page + 1)}>{t("pager.next")}</Link> : null}
    </nav>
  );
}

/** The page number asked for in `param`: a positive integer, else 1. */
export function pageParam(url: URL, param = "page"): number {
  const n = Number(url.searchParams.get(param));
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : 1;
}
