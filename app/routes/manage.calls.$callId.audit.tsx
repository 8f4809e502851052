import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditPage } from "~/modules/applications/audit.server";
import { useAuditDetails } from "~/modules/applications/audit-ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { AuditQuerySchema } from "~/platform/audit/schema";
import { AuditTable } from "~/ui/audit-table";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.audit", ...routeStrings("pager", "select", "setup", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { page } = AuditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return auditPage(viewer.claims, params.callId ?? "", page);
}

export default function Audit() {
  const { t } = useTranslation();
  const audit = useLoaderData<typeof loader>();
  const details = useAuditDetails(useLocale());
  return (
    <>
      <p>{t("select.audit.lead")}</p>
      <AuditTable
        {...audit}
        strings="select.audit"
        detailsLabel={t("select.audit.change")}
        subject={{
          label: t("select.audit.application"),
          cell: (e) => (e.application ? `${e.application.code} · ${e.application.startup}` : t("select.audit.theCall")),
        }}
        details={details}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
