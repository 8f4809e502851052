import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DIRECTORY_PAGE_SIZE, listOrganisations } from "~/modules/identity/organisations.server";
import { listed, OrgList } from "~/modules/identity/org-list";
import { directoryQuery, ORG_KINDS } from "~/modules/identity/directory-query";
import { getViewer } from "~/platform/auth/viewer.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { Pager } from "~/ui/pager";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("orgs.title");

export const handle = routeStrings("orgKinds", "orgs", "pager");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const query = directoryQuery(new URL(request.url));
  const locale = await resolveLocale(request, viewer);
  const orgs = await listOrganisations(viewer?.claims ?? null, query, locale);
  // the cards without their ids (decision 008, ninth pass, anon)
  return { query, orgs: { ...orgs, rows: listed(orgs.rows) }, pageSize: DIRECTORY_PAGE_SIZE };
}

export default function Organisations() {
  const { t } = useTranslation();
  const { query, orgs, pageSize } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <section className="page">
      <h1>{t("orgs.title")}</h1>
      <Form method="get" role="search" className="filters" aria-label={t("orgs.searchTitle")}>
        <div className="field">
          <label htmlFor="org-q">{t("orgs.search")}</label>
          <input id="org-q" name="q" type="search" maxLength={100} defaultValue={query.q} />
        </div>
        <div className="field">
          <label htmlFor="org-kind">{t("orgs.kind")}</label>
          <select id="org-kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("orgs.anyKind")}</option>
            {ORG_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`orgKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("orgs.searchButton")}
        </button>
      </Form>
      <p role="status">{t("orgs.found", { count: orgs.total })}</p>
      {orgs.total === 0 ? <p className="empty">{t("orgs.noneFound")}</p> : <OrgList orgs={orgs.rows} />}
      <Pager page={orgs.page} pageSize={pageSize} total={orgs.total} search={search} label={t("orgs.directoryPages")} />
    </section>
  );
}
