import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatInZone } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import { Field, LabelledField } from "~/ui/form";
import type { InLanguage, MyOrder, MyPlace } from "../page/event.server";
import { PaymentState } from "./order-state";

// The visitor's own registrations on an event's page: orders with their tickets (cancel, transfer),
// a paid order's payment state, and waitlist places (accept an offer, leave).
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] extends Date | null ? string | Date | null : T[K] };

export function LanguageSelect({ name, id, defaultValue }: { name: string; id: string; defaultValue: Locale }) {
  const { t } = useTranslation();
  return (
    <LabelledField
      name={name}
      id={id}
      label={t("events.register.language")}
      control={(aria) => (
        <select {...aria} name={name} defaultValue={defaultValue}>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      )}
    />
  );
}

export function MyRegistrations(props: {
  orders: Wire<InLanguage<MyOrder>>[];
  places: Wire<InLanguage<MyPlace>>[];
  slug: string;
  zone: string;
  locale: Locale;
  canCancel: boolean;
}) {
  const { t } = useTranslation();
  const { orders, places, slug, zone, locale } = props;
  if (orders.length === 0 && places.length === 0) return null;
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t("events.page.mine.heading")}</h2>
      {orders.map((o) => (
        <article key={o.id} className="card">
          <h3>
            {t("events.page.mine.order", { code: o.code })}: {t(`events.page.mine.status.${o.status}`)}
          </h3>
          <PaymentState order={o} zone={zone} locale={locale} />
          <ul>
            {o.tickets.map((k) => (
              <li key={k.id}>
                {k.name} ({k.email}) · {k.ticketType}
                {o.status === "confirmed" ? (
                  <details>
                    <summary>{t("events.page.mine.transferTo", { name: k.name })}</summary>
                    <Form method="post" className="stack">
                      <input type="hidden" name="intent" value="transfer" />
                      <input type="hidden" name="ticketId" value={k.id} />
                      <Field name="name" id={`transfer-name-${k.id}`} label={t("events.register.name")} required maxLength={200} />
                      <Field name="email" id={`transfer-email-${k.id}`} label={t("events.register.email")} type="email" required maxLength={320} />
                      <LanguageSelect name="locale" id={`transfer-locale-${k.id}`} defaultValue={locale} />
                      <button type="submit" className="button secondary">
                        {t("events.page.mine.transfer")}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
          {props.canCancel && (o.status === "confirmed" || o.status === "held") ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="orderId" value={o.id} />
              <button type="submit" className="button secondary" aria-label={`${t("events.page.mine.cancel")} ${o.code}`}>
                {t("events.page.mine.cancel")}
              </button>
            </Form>
          ) : null}
        </article>
      ))}
      {places.length ? (
        <>
          <h3>{t("events.waitlist.heading")}</h3>
          <ul>
            {places.map((w) => (
              <li key={w.id}>
                {w.status === "offered" && w.offerExpiresAt ? (
                  <>
                    {t("events.waitlist.offered", { ticket: w.ticketType, deadline: formatInZone(w.offerExpiresAt, locale, zone) })}{" "}
                    <Link to={`/events/${slug}/register?offer=${w.id}`}>{t("events.waitlist.accept")}</Link>
                  </>
                ) : (
                  t("events.waitlist.waiting", { ticket: w.ticketType, when: formatDateTime(w.createdAt, locale, zone) })
                )}{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="leave" />
                  <input type="hidden" name="placeId" value={w.id} />
                  <button type="submit" className="button secondary">
                    {t("events.waitlist.leave")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
