import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage, TextArea } from "~/ui/form";
import type { Locale } from "~/platform/i18n/i18n";
import type { Preview } from "./messages.server";
import { BODY_MAX, SUBJECT_MAX } from "./limits";

// The organisers' message form: the text in each language, who receives it, then Preview (the
// mail as each language's readers get it, and how many) or Send. Plain fields, so it works
// without JavaScript; the one-time key makes a double submission one send.

type Props = {
  sendKey: string;
  ticketTypes: { id: string; name: { vi: string; en: string } }[];
  errors: Record<string, string> | null;
  values: Record<string, unknown> | null;
  preview: Preview | null;
  locale: Locale;
};

const SHOWN = new Set(["subjectVi", "bodyVi", "subjectEn", "bodyEn", "ticketTypes"]);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);

export function MessageForm({ sendKey, ticketTypes, errors, values, preview, locale }: Props) {
  const { t } = useTranslation();
  const v = values ?? {};
  const e = errors ?? {};
  const to = str(v.to) || "attendees";
  const checkedIn = str(v.checkedIn) || "any";
  const chosen = new Set(list(v.ticketTypes));
  // a reason no field below shows (the audience, a malformed post) is said at the top
  const general = Object.entries(e).find(([k]) => !SHOWN.has(k))?.[1];
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="sendKey" value={sendKey} readOnly />
      {general ? <FormMessage tone="error">{t(general)}</FormMessage> : null}
      <p className="hint">{t("events.messages.languages")}</p>
      <Field name="subjectVi" label={t("events.messages.subjectVi")} error={e.subjectVi} maxLength={SUBJECT_MAX} defaultValue={str(v.subjectVi)} lang="vi" />
      <TextArea name="bodyVi" label={t("events.messages.bodyVi")} error={e.bodyVi} maxLength={BODY_MAX} rows={8} defaultValue={str(v.bodyVi)} lang="vi" />
      <Field name="subjectEn" label={t("events.messages.subjectEn")} error={e.subjectEn} maxLength={SUBJECT_MAX} defaultValue={str(v.subjectEn)} lang="en" />
      <TextArea name="bodyEn" label={t("events.messages.bodyEn")} error={e.bodyEn} maxLength={BODY_MAX} rows={8} defaultValue={str(v.bodyEn)} lang="en" />
      <fieldset>
        <legend>{t("events.messages.to")}</legend>
        {(["attendees", "waitlist"] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="to" value={k} defaultChecked={to === k} /> {t(k === "attendees" ? "events.messages.toAttendees" : "events.messages.toWaitlist")}
          </label>
        ))}
      </fieldset>
      {ticketTypes.length > 0 ? (
        <fieldset aria-describedby={e.ticketTypes ? "ticketTypes-error" : undefined}>
          <legend>{t("events.messages.ticketTypes")}</legend>
          {ticketTypes.map((tt) => (
            <label key={tt.id} className="choice">
              <input type="checkbox" name="ticketTypes" value={tt.id} defaultChecked={chosen.has(tt.id)} /> {tt.name[locale]}
            </label>
          ))}
          {e.ticketTypes ? (
            <p id="ticketTypes-error" className="field-error">
              {t(e.ticketTypes)}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t("events.messages.checkedIn")}</legend>
        {(["any", "in", "out"] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="checkedIn" value={k} defaultChecked={checkedIn === k} />{" "}
            {t(k === "any" ? "events.messages.checkedInAny" : k === "in" ? "events.messages.checkedInIn" : "events.messages.checkedInOut")}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="submit" name="intent" value="preview" className="button secondary">
          {t("events.messages.preview")}
        </button>
      </p>
      {preview ? <PreviewPanel preview={preview} /> : null}
    </Form>
  );
}

function PreviewPanel({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="preview-heading" className="stack">
      <h2 id="preview-heading">{t("events.messages.previewHeading")}</h2>
      <p role="status">{t("events.messages.reach", { count: preview.count, vi: preview.byLocale.vi, en: preview.byLocale.en })}</p>
      {(["vi", "en"] as const).map((l) => (
        <article key={l} lang={l}>
          <h3>{t(`events.messages.readIn.${l}`)}</h3>
          <p>
            <strong>{preview.mails[l].subject}</strong>
          </p>
          {/* the mail's own HTML, shown as a mail client would: isolated, no scripts */}
          <iframe title={`${t(`events.messages.readIn.${l}`)}: ${preview.mails[l].subject}`} srcDoc={preview.mails[l].html} sandbox="" className="mail-preview" />
        </article>
      ))}
      <p className="hint">{t("events.messages.sendHint")}</p>
      <p>
        <button type="submit" name="intent" value="send" className="button">
          {t("events.messages.send")}
        </button>
      </p>
    </section>
  );
}
