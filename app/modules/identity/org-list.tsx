import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/platform/i18n/i18n";
import type { OrgSummary } from "./organisations.server";

export function OrgList({ orgs, locale }: { orgs: OrgSummary[]; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <ul className="cards">
      {orgs.map((o) => (
        <li key={o.id} className="card">
          <h3>
            <Link to={`/orgs/${o.slug}`}>{locale === "vi" ? o.nameVi : o.nameEn}</Link>
          </h3>
          <p className="tag">{t(`orgKinds.${o.kind}`)}</p>
          <p>{locale === "vi" ? o.descriptionVi : o.descriptionEn}</p>
        </li>
      ))}
    </ul>
  );
}
