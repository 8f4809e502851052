import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { mentoringAuditPage } from "~/modules/mentoring/audit/log.server";
import { useMentoringAuditDetails } from "~/modules/mentoring/audit/ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { AuditQuerySchema } from "~/platform/audit/schema";
import { withOutcomes } from "~/platform/http/errors.server";
import { AuditTable } from "~/ui/audit-table";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

// A programme's mentoring log, for its managers (403 for anyone else): the call's audit page, for mentoring.

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => `${t("mentoring.audit.title")} · ${d.programme.name[locale]}`);

export const handle = routeStrings("mentoring.audit", "pager");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { page } = AuditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return withOutcomes(() => mentoringAuditPage(viewer.claims, params.programmeId ?? "", page));
}

export default function MentoringLog() {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const { programme, ...log } = useLoaderData<typeof loader>();
  const details = useMentoringAuditDetails(locale, timeZone);
  return (
    <section className="page">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{programme.name[locale]}</Link>
      </p>
      <h1>{t("mentoring.audit.title")}</h1>
      <p>{t("mentoring.audit.lead")}</p>
      <AuditTable {...log} strings="mentoring.audit" detailsLabel={t("mentoring.audit.about")} details={details} />
    </section>
  );
}

export const ErrorBoundary = RouteError;
