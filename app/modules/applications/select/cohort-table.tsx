import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { CohortMember } from "./cohort.server";

/** A programme's cohort: each startup with its founders, stage, sector, the call it came through and when it joined. */
export function CohortTable({ members, locale, timeZone }: { members: CohortMember[]; locale: Locale; timeZone: string }) {
  const { t } = useTranslation();
  const missing = t("setup.cohort.missing");
  return (
    <>
      <p>{t("setup.cohort.count", { count: members.length })}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("setup.cohort.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("setup.cohort.startup")}</th>
              <th scope="col">{t("setup.cohort.founders")}</th>
              <th scope="col">{t("setup.cohort.stage")}</th>
              <th scope="col">{t("setup.cohort.sector")}</th>
              <th scope="col">{t("setup.cohort.call")}</th>
              <th scope="col">{t("setup.cohort.joined")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.startupId}>
                <th scope="row">
                  <Link to={`/startups/${m.slug}`}>{m.name}</Link>
                </th>
                <td>{m.founders.join(", ") || missing}</td>
                <td>{t(`startups.stages.${m.stage}`)}</td>
                <td>{m.sector || missing}</td>
                <td>
                  {m.call ? (
                    <>
                      <Link to={`/manage/calls/${m.call.id}`}>{m.call.title[locale]}</Link>
                      {m.code ? ` · ${t("setup.cohort.reference", { code: m.code })}` : null}
                    </>
                  ) : (
                    missing
                  )}
                </td>
                <td>{formatDate(m.joinedAt, locale, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
