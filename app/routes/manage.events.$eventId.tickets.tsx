import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { runSetupCommand } from "~/modules/events/setup/tickets/actions.server";
import { answerFor, Section, Summary } from "~/modules/events/setup/tickets/fields";
import { ticketSetupPage } from "~/modules/events/setup/tickets/page.server";
import { QuotaList } from "~/modules/events/setup/tickets/quota-list";
import { removeQuota, saveQuota } from "~/modules/events/setup/tickets/quotas.server";
import { TicketTypeCard } from "~/modules/events/setup/tickets/type-card";
import { TicketTypeForm } from "~/modules/events/setup/tickets/type-form";
import { addCode, removeCode, removeTicketType, saveTicketType } from "~/modules/events/setup/tickets/types.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { zoneName } from "~/platform/i18n/format";
import { withOutcomes } from "~/platform/http/errors.server";
import { readForm } from "~/platform/http/form.server";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

// What an event sells: its quotas (shared capacity) and ticket types (price, sale window, codes).

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("events.ticketSetup.ticketsTitle", { event: d.event.title[locale] }));

export const handle = routeStrings("events.ticketSetup", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await withOutcomes(() => ticketSetupPage(viewer.claims, params.eventId ?? ""));
  return { event: page.event, quotas: page.quotas, types: page.types, defaults: page.defaults };
}

const commands = { saveQuota, removeQuota, saveType: saveTicketType, removeType: removeTicketType, addCode, removeCode };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  return runSetupCommand(viewer.claims, params.eventId ?? "", await readForm(request), commands);
}

export default function TicketSetup() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, quotas, types, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const zone = `${zoneName(event.timeZone, locale)} (${event.timeZone})`;
  return (
    <div className="stack">
      <div aria-live="polite">
        <Summary answer={result} />
      </div>
      <QuotaList quotas={quotas} result={result} />
      <Section id="types" title={t("events.ticketSetup.types.heading")}>
        {types.length === 0 ? <p className="empty">{t("events.ticketSetup.types.none")}</p> : null}
        <ul className="setup-list">
          {types.map((type) => (
            <TicketTypeCard key={type.id} type={type} quotas={quotas} result={result} locale={locale} zone={event.timeZone} zoneLabel={zone} />
          ))}
        </ul>
        <div className="card stack" key={`new-${types.length}`}>
          <h3>{t("events.ticketSetup.types.add")}</h3>
          <TicketTypeForm type={null} quotas={quotas} answer={answerFor(result, "saveType")} zone={zone} nextPosition={(types.at(-1)?.position ?? 0) + 1} defaults={defaults} />
        </div>
      </Section>
    </div>
  );
}

export const ErrorBoundary = RouteError;
