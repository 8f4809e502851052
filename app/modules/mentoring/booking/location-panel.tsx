import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ActionAnswer } from "~/modules/applications/setup/ui";
import { FormMessage, LabelledField } from "~/ui/form";
import type { SessionPage } from "../sessions/page.server";
import { LOCATION_MAX } from "../sessions/schema";

/** Where the session is held, for everyone who sees it; a form for its mentor and the programme's managers while it is booked. */
export function LocationPanel({ data, answer }: { data: SessionPage; answer: ActionAnswer | null }) {
  const { t } = useTranslation();
  const { session, may } = data;
  const mine = answer && answer.intent === "setLocation" ? answer : null;
  const link = /^https?:\/\//i.test(session.location);
  return (
    <section className="card setup-section">
      <h2>{t("mentoring.booking.location.heading")}</h2>
      {mine && !mine.errors ? <FormMessage tone="success">{t("mentoring.booking.location.saved")}</FormMessage> : null}
      {/* a refusal for someone shown no form (a founder's forged post) still reads as a message */}
      {mine?.errors?.location && !may.editLocation ? <FormMessage tone="error">{t(mine.errors.location)}</FormMessage> : null}
      {session.location === "" ? (
        <p>{t("mentoring.booking.location.none")}</p>
      ) : link ? (
        <p>
          <a href={session.location} rel="noreferrer noopener" target="_blank">
            {session.location}
          </a>
        </p>
      ) : (
        <p>{session.location}</p>
      )}
      {may.editLocation ? (
        <Form method="post">
          <input type="hidden" name="intent" value="setLocation" />
          <LabelledField
            id="session-location"
            name="location"
            label={t("mentoring.booking.location.label")}
            hint={t("mentoring.booking.location.hint")}
            error={mine?.errors?.location}
            control={(aria) => <input type="text" name="location" maxLength={LOCATION_MAX} defaultValue={session.location} {...aria} />}
          />
          <button type="submit" className="button secondary">
            {t("mentoring.booking.location.save")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
