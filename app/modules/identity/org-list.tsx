import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OrgCard } from "./organisations.server";

export function OrgList({ orgs }: { orgs: OrgCard[] }) {
  const { t } = useTranslation();
  return (
    <ul className="cards">
      {orgs.map((o) => (
        <li key={o.id} className="card">
          <h3>
            <Link to={`/orgs/${o.slug}`}>{o.name}</Link>
          </h3>
          <p className="tag">{t(`orgKinds.${o.kind}`)}</p>
          <p>{o.description}</p>
        </li>
      ))}
    </ul>
  );
}
