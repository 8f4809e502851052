import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ActionAnswer } from "~/modules/applications/setup/ui";

import { formatDateTime } from "~/platform/i18n/format";
import { FormMessage, LabelledField } from "~/ui/form";
import type { SessionPage } from "./page.server";
import { COMMENT_MAX, ITEM_MAX, NOTES_MAX } from "./limits";
import { useViewerZone } from "~/ui/locale";

// The after-the-session panels of the session page: attendance, notes, action items, feedback.
// Plain posted forms, one intent each, so every one works without JavaScript and from the keyboard.

type Data = SessionPage;
const mine = (answer: ActionAnswer | null, intent: string, id: string | null = null) => (answer && answer.intent === intent && (answer.id ?? null) === id ? answer : null);

function Answer({ answer }: { answer: ActionAnswer | null }) {
  const { t } = useTranslation();
  if (!answer) return null;
  if (answer.errors?.form) return <FormMessage tone="error">{t(answer.errors.form)}</FormMessage>;
  return answer.errors ? null : <FormMessage tone="success">{t("mentoring.sessions.saved")}</FormMessage>;
}

/** A labelled text area with a page-unique id (two forms here post a field named body). */
function Area({ id, name, label, error, rows = 3, maxLength, defaultValue }: { id: string; name: string; label: string; error?: string; rows?: number; maxLength: number; defaultValue?: string }) {
  return (
    <LabelledField
      id={id}
      name={name}
      label={label}
      error={error}
      control={(aria) => <textarea name={name} rows={rows} maxLength={maxLength} defaultValue={defaultValue} {...aria} />}
    />
  );
}

const Intent = ({ name }: { name: string }) => <input type="hidden" name="intent" value={name} />;

export function Absence({ data, answer }: { data: Data; answer: ActionAnswer | null }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const { session, may } = data;
  if (!session.absent && !may.markNoShow && !mine(answer, "noShow")) return null;
  return (
    <section className="card setup-section">
      <h2>{t("mentoring.sessions.absence.heading")}</h2>
      <Answer answer={mine(answer, "noShow")} />
      {session.absent ? (
        <p>{t(`mentoring.sessions.absence.${session.absent}`, { when: formatDateTime(session.absentMarkedAt!, locale, timeZone) })}</p>
      ) : may.markNoShow ? (
        <Form method="post">
          <p className="hint">{t("mentoring.sessions.absence.lead")}</p>
          <Intent name="noShow" />
          <button type="submit" className="button secondary">
            {t(session.side === "mentor" ? "mentoring.sessions.absence.markStartup" : "mentoring.sessions.absence.markMentor")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function Notes({ data, answer }: { data: Data; answer: ActionAnswer | null }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const own = mine(answer, "saveNotes");
  const echoed = typeof own?.values?.body === "string" ? own.values.body : undefined;
  return (
    <section className="card setup-section">
      <h2>{t("mentoring.sessions.notes.heading")}</h2>
      <p className="hint">{t("mentoring.sessions.notes.lead")}</p>
      <Answer answer={own} />
      <Form method="post">
        <Intent name="saveNotes" />
        <Area id="notes-body" name="body" label={t("mentoring.sessions.notes.label")} rows={8} maxLength={NOTES_MAX} defaultValue={echoed ?? data.notes.body} error={own?.errors?.body} />
        {data.notes.updatedAt ? (
          <p className="hint">{t("mentoring.sessions.notes.changed", { when: formatDateTime(data.notes.updatedAt, locale, timeZone), name: data.notes.updatedBy ?? "—" })}</p>
        ) : null}
        <button type="submit" className="button">
          {t("mentoring.sessions.notes.save")}
        </button>
      </Form>
    </section>
  );
}

export function Items({ data, answer }: { data: Data; answer: ActionAnswer | null }) {
  const { t } = useTranslation();
  const added = mine(answer, "addItem");
  return (
    <section className="card setup-section">
      <h2>{t("mentoring.sessions.items.heading")}</h2>
      {data.items.length === 0 ? <p className="empty">{t("mentoring.sessions.items.empty")}</p> : null}
      <ul className="setup-list">
        {data.items.map((item) => (
          <li key={item.id}>
            <span className={`status status-${item.done ? "done" : "open"}`}>{t(item.done ? "mentoring.sessions.items.done" : "mentoring.sessions.items.open")}</span>{" "}
            {item.done ? <s>{item.body}</s> : item.body}{" "}
            <Form method="post" className="inline-form">
              <Intent name="setItemDone" />
              <input type="hidden" name="id" value={item.id} />
              <input type="hidden" name="done" value={item.done ? "false" : "true"} />
              <button type="submit" className="button secondary">
                {t(item.done ? "mentoring.sessions.items.markOpen" : "mentoring.sessions.items.markDone", { item: item.body })}
              </button>
            </Form>{" "}
            <Form method="post" className="inline-form">
              <Intent name="removeItem" />
              <input type="hidden" name="id" value={item.id} />
              <button type="submit" className="button secondary">
                {t("mentoring.sessions.items.remove", { item: item.body })}
              </button>
            </Form>
            <Answer answer={mine(answer, "setItemDone", item.id) ?? mine(answer, "removeItem", item.id)} />
          </li>
        ))}
      </ul>
      <Form method="post">
        <Intent name="addItem" />
        <Area id="item-body" name="body" label={t("mentoring.sessions.items.label")} rows={2} maxLength={ITEM_MAX} error={added?.errors?.body} />
        <button type="submit" className="button">
          {t("mentoring.sessions.items.add")}
        </button>
      </Form>
    </section>
  );
}

export function Feedback({ data, answer }: { data: Data; answer: ActionAnswer | null }) {
  const { t } = useTranslation();
  const own = mine(answer, "giveFeedback");
  const mineNow = data.feedback.find((f) => f.side === data.session.side);
  return (
    <section className="card setup-section">
      <h2>{t("mentoring.sessions.feedback.heading")}</h2>
      <p className="hint">{t("mentoring.sessions.feedback.lead")}</p>
      {data.feedback.length === 0 ? <p className="empty">{t("mentoring.sessions.feedback.none")}</p> : null}
      {data.feedback.map((f) => (
        <div key={f.side}>
          <h3>{t(`mentoring.sessions.feedback.${f.side}`)}</h3>
          <p>
            <strong>{t("mentoring.sessions.feedback.stars", { rating: f.rating })}</strong>
            {f.authorName ? ` ${t("mentoring.sessions.feedback.by", { name: f.authorName })}` : ""}
          </p>
          {f.comment ? <p className="pre-wrap">{f.comment}</p> : null}
        </div>
      ))}
      <Answer answer={own} />
      {data.may.giveFeedback ? (
        <Form method="post">
          <Intent name="giveFeedback" />
          <LabelledField
            name="rating"
            label={t("mentoring.sessions.feedback.rating")}
            error={own?.errors?.rating}
            control={(aria) => (
              <select name="rating" defaultValue={String(mineNow?.rating ?? "")} {...aria}>
                <option value="" disabled>
                  —
                </option>
                {[5, 4, 3, 2, 1].map((r) => (
                  <option key={r} value={r}>
                    {t("mentoring.sessions.feedback.ratingOption", { rating: r })}
                  </option>
                ))}
              </select>
            )}
          />
          <Area id="feedback-comment" name="comment" label={t("mentoring.sessions.feedback.comment")} maxLength={COMMENT_MAX} defaultValue={mineNow?.comment ?? ""} error={own?.errors?.comment} />
          <p className="hint">{t("mentoring.sessions.feedback.editable", { days: 7 })}</p>
          <button type="submit" className="button">
            {t("mentoring.sessions.feedback.give")}
          </button>
        </Form>
      ) : data.session.side !== "manager" && !data.session.started ? (
        <p className="hint">{t("mentoring.sessions.feedback.notYet")}</p>
      ) : null}
    </section>
  );
}
