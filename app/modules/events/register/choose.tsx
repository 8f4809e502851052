import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatVnd } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import { Field } from "~/ui/form";
import type { TicketOffer } from "../page/event.server";
import { saleState } from "../page/ui";

// Step one of registering: how many of each ticket on sale (a GET form, so the next step's URL
// says what was chosen), and for a sold-out ticket, a way onto its waitlist.
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] };

export function ChooseTickets({ offers, code, locale, name, email }: { offers: Wire<TicketOffer>[]; code: string | null; locale: Locale; name: string; email: string }) {
  const { t } = useTranslation();
  const onSale = offers.filter((o) => saleState(o) === "onSale");
  const soldOut = offers.filter((o) => saleState(o) === "soldOut" && !o.hidden);
  const label = (o: Wire<TicketOffer>) => `${o.name[locale]} (${o.priceVnd === 0 ? t("events.page.free") : formatVnd(o.priceVnd, locale)})`;
  return (
    <>
      {onSale.length ? (
        <Form method="get" className="stack">
          <h2>{t("events.register.choose")}</h2>
          {code ? <input type="hidden" name="code" value={code} /> : null}
          {onSale.map((o) => (
            <div className="field" key={o.id}>
              <label htmlFor={`q-${o.id}`}>{t("events.register.quantity", { ticket: label(o) })}</label>
              <select id={`q-${o.id}`} name={`q.${o.id}`} defaultValue="0">
                {[0, ...Array.from({ length: Math.min(o.maxPerOrder, o.seatsLeft) - o.minPerOrder + 1 }, (_, i) => o.minPerOrder + i)].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="button">
            {t("events.register.continue")}
          </button>
        </Form>
      ) : null}
      {soldOut.map((o) => (
        <Form method="post" className="stack card" key={o.id}>
          <h2>{o.name[locale]}</h2>
          <p>{t("events.register.soldOutWait")}</p>
          <input type="hidden" name="intent" value="waitlist" />
          <input type="hidden" name="ticketType" value={o.id} />
          <input type="hidden" name="locale" value={locale} />
          <Field name="name" id={`wait-name-${o.id}`} label={t("events.register.name")} defaultValue={name} required maxLength={200} />
          <Field name="email" id={`wait-email-${o.id}`} label={t("events.register.email")} type="email" defaultValue={email} required maxLength={320} />
          <button type="submit" className="button secondary">
            {t("events.register.joinWaitlist")}
          </button>
        </Form>
      ))}
    </>
  );
}
