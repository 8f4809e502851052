import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionTime } from "~/modules/mentoring/booking/ui";
import { cancelOfficeHours, leaveSeat, officeHoursPage, openOfficeHours, takeSeat } from "~/modules/mentoring/office/office.server";
import { CancelOfficeHoursSchema, OpenOfficeHoursSchema, SeatSchema } from "~/modules/mentoring/office/schema";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatDateTime, zoneName } from "~/platform/i18n/format";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { Field, FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mentoring.office.title");

export const handle = routeStrings("mentoring.booking", "mentoring.office", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return {
    ...(await officeHoursPage(viewer.claims)),
    mentors: viewer.memberships.some((m) => m.role === "mentor"),
    startups: viewer.startups.map((s) => ({ id: s.startupId, name: s.name })),
  };
}

const DONE = { open: "mentoring.office.opened", cancel: "mentoring.office.cancelled", take: "mentoring.office.taken", leave: "mentoring.office.left" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "open") {
    const parsed = parseForm(form, OpenOfficeHoursSchema);
    if (!parsed.ok) return invalid(parsed.errors);
    const outcome = await openOfficeHours(viewer.claims, viewer.timeZone, parsed.data);
    if (!outcome.ok) return invalid(outcome.errors);
  } else if (intent === "cancel") {
    const parsed = parseForm(form, CancelOfficeHoursSchema);
    if (!parsed.ok) return invalid(parsed.errors);
    const outcome = await cancelOfficeHours(viewer.claims, parsed.data.officeHoursId);
    if (!outcome.ok) return invalid(outcome.errors);
  } else {
    const parsed = parseForm(form, SeatSchema);
    if (!parsed.ok) return invalid(parsed.errors);
    const { officeHoursId, startupId } = parsed.data;
    const outcome = parsed.data.intent === "take" ? await takeSeat(viewer.claims, officeHoursId, startupId) : await leaveSeat(viewer.claims, officeHoursId, startupId);
    if (!outcome.ok) return invalid(outcome.errors);
  }
  return data({ errors: null, message: DONE[intent as keyof typeof DONE] as string | null });
}

export default function OfficeHoursPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  const { mine, offered, mentors, startups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const formError = errors.form ?? (errors.officeHoursId || errors.startupId || errors.intent ? "validation.formErrors" : null);
  return (
    <section className="page">
      <h1>{t("mentoring.office.title")}</h1>
      <p>{t("mentoring.office.lead")}</p>
      {result?.message ? <FormMessage tone="success">{t(result.message)}</FormMessage> : null}
      {formError ? <FormMessage tone="error">{t(formError)}</FormMessage> : null}
      {mentors ? (
        <>
          <h2>{t("mentoring.office.mine")}</h2>
          {mine.length === 0 ? <p className="empty">{t("mentoring.office.noneMine")}</p> : null}
          <ul>
            {mine.map((o) => (
              <li key={o.id}>
                <SessionTime startsAt={o.startsAt} endsAt={o.endsAt} /> · {t("mentoring.office.seatsLeft", { taken: o.seatsTaken, seats: o.seats })}
                {o.location ? <> · {t("mentoring.office.where", { location: o.location })}</> : null}{" "}
                <Attendees names={o.attendees} />
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="cancel" />
                  <input type="hidden" name="officeHoursId" value={o.id} />
                  <button type="submit" className="button secondary" aria-label={t("mentoring.office.cancelLabel", { when: formatDateTime(o.startsAt, locale, timeZone) })}>
                    {t("mentoring.office.cancel")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <h2>{t("mentoring.office.open")}</h2>
          <p>{t("mentoring.office.openLead", { zone: zoneName(timeZone, locale) })}</p>
          <Form method="post" className="narrow">
            <input type="hidden" name="intent" value="open" />
            <Field name="startsAt" type="datetime-local" label={t("mentoring.office.startsAt")} error={errors.startsAt} required />
            <Field name="minutes" type="number" min={15} max={480} defaultValue={60} label={t("mentoring.office.minutes")} error={errors.minutes} />
            <Field name="seats" type="number" min={1} max={50} defaultValue={5} label={t("mentoring.office.seats")} error={errors.seats} />
            <Field name="location" label={t("mentoring.office.location")} error={errors.location} />
            <button type="submit" className="button">
              {t("mentoring.office.submit")}
            </button>
          </Form>
        </>
      ) : null}
      {startups.length > 0 ? (
        <>
          <h2>{t("mentoring.office.offered")}</h2>
          {offered.length === 0 ? <p className="empty">{t("mentoring.office.noneOffered")}</p> : null}
          <ul>
            {offered.map((o) => (
              <li key={o.id}>
                <SessionTime startsAt={o.startsAt} endsAt={o.endsAt} /> · {t("mentoring.office.with", { name: o.mentorName })} ·{" "}
                {t("mentoring.office.seatsLeft", { taken: o.seatsTaken, seats: o.seats })}
                {o.location ? <> · {t("mentoring.office.where", { location: o.location })}</> : null}
                {o.seatsTaken >= o.seats && o.seatedStartups.length === 0 ? <p className="callout">{t("mentoring.office.full", { seats: o.seats })}</p> : null}
                {startups.map((s) => {
                  const seated = o.seatedStartups.includes(s.id);
                  // a full time offers no seat, only the way out to those who hold one
                  if (!seated && o.seatsTaken >= o.seats) return null;
                  return (
                    <Form key={s.id} method="post" className="inline-form">
                      <input type="hidden" name="intent" value={seated ? "leave" : "take"} />
                      <input type="hidden" name="officeHoursId" value={o.id} />
                      <input type="hidden" name="startupId" value={s.id} />{" "}
                      <button type="submit" className="button secondary">
                        {t(seated ? "mentoring.office.leave" : "mentoring.office.take", { startup: s.name })}
                      </button>
                    </Form>
                  );
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Who holds the seats of the mentor's office hours, by startup. */
function Attendees({ names }: { names: string[] }) {
  const { t } = useTranslation();
  if (names.length === 0) return <p>{t("mentoring.office.noAttendees")}</p>;
  return (
    <>
      <h3>{t("mentoring.office.attendees")}</h3>
      <ul>
        {names.map((name, i) => (
          <li key={`${i}-${name}`}>{name}</li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
