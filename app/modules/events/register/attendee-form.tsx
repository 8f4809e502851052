import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatVnd } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import { Field, LabelledField, TextArea } from "~/ui/form";
import type { TicketOffer } from "../page/event.server";
import { askedOf, YES_NO } from "./answers";
import type { FormQuestion } from "./form.server";
import { PaymentMethodChoice } from "./method";
import { LanguageSelect } from "./mine";

// Step two: one block per attendee (name, email, the language of their mail, the event's
// questions), then the buyer's contact. Field names are dotted (attendees.0.name) for parseInput.
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] };
type Errors = Record<string, string> | undefined;

export function AttendeeForm(props: {
  lines: { offer: Wire<TicketOffer>; count: number }[];
  questions: FormQuestion[];
  locale: Locale;
  viewer: { name: string; email: string };
  code: string | null;
  offerId: string | null;
  methods: { card: boolean; bankTransfer: boolean };
  errors: Errors;
}) {
  const { t } = useTranslation();
  const { locale, questions, errors } = props;
  const attendees = props.lines.flatMap(({ offer, count }) => Array.from({ length: count }, () => offer));
  const total = attendees.reduce((sum, o) => sum + o.priceVnd, 0);
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="register" />
      {props.code ? <input type="hidden" name="code" value={props.code} /> : null}
      {props.offerId ? <input type="hidden" name="offer" value={props.offerId} /> : null}
      <h2>{t("events.register.attendees")}</h2>
      {attendees.map((o, i) => (
        <fieldset key={i} className="card">
          <legend>{t("events.register.attendee", { n: i + 1, ticket: o.name[locale] })}</legend>
          <input type="hidden" name={`attendees.${i}.ticketType`} value={o.id} />
          <Field
            name={`attendees.${i}.name`}
            label={t("events.register.name")}
            defaultValue={i === 0 ? props.viewer.name : ""}
            required
            maxLength={200}
            error={errors?.[`attendees.${i}.name`]}
          />
          <Field
            name={`attendees.${i}.email`}
            label={t("events.register.email")}
            type="email"
            defaultValue={i === 0 ? props.viewer.email : ""}
            required
            maxLength={320}
            error={errors?.[`attendees.${i}.email`]}
          />
          <LanguageSelect name={`attendees.${i}.locale`} id={`field-attendees-${i}-locale`} defaultValue={locale} />
          {askedOf(questions, o.id).map((q) => {
            const name = `attendees.${i}.answers.${q.id}`;
            const hint = q.help[locale] || undefined;
            const choices = q.kind === "choice" ? q.options.map((opt) => ({ value: opt, label: opt })) : q.kind === "yes_no" ? YES_NO.map((v) => ({ value: v, label: t(`events.register.${v}`) })) : null;
            return choices ? (
              <LabelledField
                key={q.id}
                name={name}
                label={q.label[locale]}
                hint={hint}
                error={errors?.[name]}
                control={(aria) => (
                  <select {...aria} name={name} required={q.required} defaultValue="">
                    <option value="">—</option>
                    {choices.map((opt) => (
                      <option key={opt.value} value={opt.value}>
                        {opt.label}
                      </option>
                    ))}
                  </select>
                )}
              />
            ) : q.kind === "long_text" ? (
              <TextArea key={q.id} name={name} label={q.label[locale]} hint={hint} required={q.required} maxLength={2000} error={errors?.[name]} />
            ) : (
              <Field key={q.id} name={name} label={q.label[locale]} hint={hint} required={q.required} maxLength={2000} error={errors?.[name]} />
            );
          })}
        </fieldset>
      ))}
      <Field name="email" label={t("events.register.buyerEmail")} type="email" defaultValue={props.viewer.email} required maxLength={320} error={errors?.email} />
      <input type="hidden" name="locale" value={locale} />
      <p>{t("events.register.total", { amount: total === 0 ? t("events.page.free") : formatVnd(total, locale) })}</p>
      {total > 0 ? <PaymentMethodChoice methods={props.methods} error={errors?.method} /> : null}
      <button type="submit" className="button">
        {total === 0 ? t("events.register.submit") : t("events.register.submitPaid")}
      </button>
    </Form>
  );
}
