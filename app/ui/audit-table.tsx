import { useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import { useViewerZone } from "~/ui/locale";
import { Pager } from "~/ui/pager";

export type AuditListed = { id: string | number; at: string; actor: string | null; kind: string };

/**
 * One page of an audit trail: when, who, what, and what it was about. The capability names its
 * strings (`<strings>.when`, `.who`, `.what`, `.none`, `.system`, `.kinds.<kind>`), the heading of
 * the last column, an optional column for the subject, and how to describe each entry.
 */
export function AuditTable<E extends AuditListed>({
  strings,
  detailsLabel,
  subject,
  details,
  events,
  total,
  page,
  pageSize,
}: {
  strings: string;
  detailsLabel: string;
  subject?: { label: string; cell: (e: E) => ReactNode };
  details: (e: E) => ReactNode;
  events: E[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const location = useLocation();
  return (
    <>
      {events.length === 0 ? (
        <p className="empty">{t(`${strings}.none`)}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t(`${strings}.when`)}</th>
                {subject && <th scope="col">{subject.label}</th>}
                <th scope="col">{t(`${strings}.who`)}</th>
                <th scope="col">{t(`${strings}.what`)}</th>
                <th scope="col">{detailsLabel}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, locale, timeZone)}</td>
                  {subject && <td>{subject.cell(e)}</td>}
                  <td>{e.actor ?? t(`${strings}.system`)}</td>
                  <td>{t(`${strings}.kinds.${e.kind}`, { defaultValue: e.kind })}</td>
                  <td>{details(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={total} search={location.search} />
    </>
  );
}
