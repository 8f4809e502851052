import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OrgCard } from "./organisations.server";

/** An organisation's card as the page receives it: the lists key them by slug, so the id is not sent. */
export type ListedOrg = Omit<OrgCard, "id">;
export const listed = (orgs: OrgCard[]): ListedOrg[] => orgs.map(({ slug, kind, name, description }) => ({ slug, kind, name, description }));

export function OrgList({ orgs }: { orgs: ListedOrg[] }) {
  const { t } = useTranslation();
  // each kind's label translated once, not once a card: a page lists 24 cards of five kinds (decision 008, ninth pass, anon)
  const kinds = new Map<string, string>();
  const kindOf = (kind: string) => kinds.get(kind) ?? kinds.set(kind, t(`orgKinds.${kind}`)).get(kind)!;
  return (
    <ul className="cards">
      {orgs.map((o) => (
        <li key={o.slug} className="card">
          <h3>
            <Link to={`/orgs/${o.slug}`}>{o.name}</Link>
          </h3>
          <p className="tag">{kindOf(o.kind)}</p>
          <p>{o.description}</p>
        </li>
      ))}
    </ul>
  );
}
