import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ticketByCode } from "~/modules/events/checkin/ticket.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { formatInZone } from "~/platform/i18n/format";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

// A ticket, as its holder opens it from the mail: the QR to show at the door and its code.
export const meta = titled<SerializeFrom<typeof loader>>((t, d) => `${t("events.checkin.ticket.heading")}: ${d.ticket.event.title}`);

export const handle = routeStrings("events.checkin");

// The code is in the address: never sent on to another site, never kept by a shared cache.
export const headers = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const locale = await resolveLocale(request, viewer);
  const ticket = await withOutcomes(() => ticketByCode(params.code ?? "", locale));
  return { ticket };
}

export default function Ticket() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { ticket } = useLoaderData<typeof loader>();
  const e = ticket.event;
  return (
    <section className="page">
      <p>
        <Link to={`/events/${e.slug}`}>{e.title}</Link>
      </p>
      <h1>{t("events.checkin.ticket.heading")}</h1>
      <p>
        {formatInZone(e.startsAt, locale, e.timeZone)} – {formatInZone(e.endsAt, locale, e.timeZone)}
        {e.venue ? ` · ${e.venue}` : ""}
      </p>
      {ticket.state === "transferred" ? (
        <p className="callout">{t("events.checkin.errors.superseded")}</p>
      ) : (
        <div className="card">
          <p className="checkin-name">{ticket.name}</p>
          <p>{t("events.checkin.ticketType", { type: ticket.ticketType })}</p>
          {ticket.state === "valid" ? (
            <>
              <img src={ticket.qr} alt={t("events.checkin.ticket.qr", { name: ticket.name })} width={240} height={240} />
              <p className="ticket-code">{ticket.code}</p>
              <p className="hint">{t("events.checkin.ticket.show")}</p>
            </>
          ) : (
            <p className="callout">{t("events.checkin.errors.notValid")}</p>
          )}
        </div>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
