import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatVnd } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { AgendaSession, InLanguage, Speaker, TicketOffer } from "./event.server";

// The pieces of an event's public page. Dates are shown in the event's own zone: people travel to it.
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] extends Date | null ? string | Date | null : T[K] };

export function When({ startsAt, endsAt, zone, locale }: { startsAt: string | Date; endsAt: string | Date; zone: string; locale: Locale }) {
  return (
    <>
      <time dateTime={new Date(startsAt).toISOString()}>{formatDateTime(startsAt, locale, zone)}</time> –{" "}
      <time dateTime={new Date(endsAt).toISOString()}>{formatDateTime(endsAt, locale, zone)}</time>
    </>
  );
}

export function Agenda({ sessions, speakers, zone, locale }: { sessions: Wire<InLanguage<AgendaSession>>[]; speakers: InLanguage<Speaker>[]; zone: string; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t("events.page.agenda")}</h2>
      {sessions.length === 0 ? (
        <p className="empty">{t("events.page.noAgenda")}</p>
      ) : (
        <ul className="cards">
          {sessions.map((s) => (
            <li key={s.id} className="card">
              <h3>{s.title}</h3>
              <p className="tag">
                <When startsAt={s.startsAt} endsAt={s.endsAt} zone={zone} locale={locale} />
                {s.room ? ` · ${s.room}` : ""}
              </p>
              {s.speakers.length ? <p>{s.speakers.join(", ")}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {speakers.length ? (
        <>
          <h2>{t("events.page.speakers")}</h2>
          <ul className="cards">
            {speakers.map((s) => (
              <li key={s.id} className="card">
                <h3>{s.name}</h3>
                {s.affiliation ? <p className="tag">{s.affiliation}</p> : null}
                <p>{s.bio}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** A ticket type's state for a visitor, now: on sale with seats, sold out, not yet or no longer on sale. */
export function saleState(o: Wire<Pick<TicketOffer, "salesStart" | "salesEnd" | "seatsLeft" | "waiting">>, now = Date.now()): "upcoming" | "ended" | "soldOut" | "onSale" {
  if (now < new Date(o.salesStart).getTime()) return "upcoming";
  if (now >= new Date(o.salesEnd).getTime()) return "ended";
  return o.seatsLeft <= 0 || o.waiting ? "soldOut" : "onSale";
}

export function TicketList({ offers, zone, locale, registerTo }: { offers: Wire<InLanguage<TicketOffer>>[]; zone: string; locale: Locale; registerTo: string }) {
  const { t } = useTranslation();
  if (offers.length === 0) return <p className="empty">{t("events.page.noTickets")}</p>;
  const anyOpen = offers.some((o) => ["onSale", "soldOut"].includes(saleState(o)));
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">{t("events.page.tickets")}</caption>
        <tbody>
          {offers.map((o) => {
            const state = saleState(o);
            return (
              <tr key={o.id}>
                <th scope="row">
                  {o.name}
                  {o.description ? <p className="hint">{o.description}</p> : null}
                </th>
                <td>{o.priceVnd === 0 ? t("events.page.free") : formatVnd(o.priceVnd, locale)}</td>
                <td>
                  {state === "upcoming"
                    ? t("events.page.salesFrom", { when: formatDateTime(o.salesStart, locale, zone) })
                    : state === "ended"
                      ? t("events.page.salesEnded")
                      : state === "soldOut"
                        ? t("events.page.waitlistOpen")
                        : t("events.page.seatsLeft", { count: o.seatsLeft })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {anyOpen ? (
        <p className="actions">
          <Link className="button" to={registerTo}>
            {t("events.page.register")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
