import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { bookSession } from "~/modules/mentoring/booking/book.server";
import { BookSessionSchema } from "~/modules/mentoring/booking/schema";
import { hours } from "~/modules/mentoring/booking/ui";
import { WeekOfSlots } from "~/modules/mentoring/booking/week";
import { bookingPage } from "~/modules/mentoring/booking/week.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { invalid, parseInput, formToObject, readForm } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { NotFoundError } from "~/platform/db/errors.server";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mentoring.booking.book.title");

export const handle = routeStrings("mentoring.booking", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const mentorId = requireId(params.mentorId);
  const url = new URL(request.url);
  const { week, contexts } = await bookingPage(viewer.claims, mentorId, url.searchParams.get("week"), viewer.timeZone);
  if (!week) throw new NotFoundError();
  const wanted = url.searchParams.get("context");
  const context = contexts.find((c) => `${c.programId}:${c.startupId}` === wanted) ?? contexts[0] ?? null;
  return { week, contexts, context };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const mentorId = requireId(params.mentorId);
  const parsed = parseInput(BookSessionSchema, { ...formToObject(await readForm(request)), mentorId });
  if (!parsed.ok) return invalid(parsed.errors);
  const outcome = await bookSession(viewer.claims, parsed.data);
  if (!outcome.ok) return invalid(outcome.errors);
  return redirect(`/mentoring/sessions?done=booked`);
}

export default function BookMentor() {
  const { t } = useTranslation();
  const { locale } = useViewerZone();
  const { week, contexts, context } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.errors ? (result.errors.startsAt ?? result.errors.mentorId ?? result.errors.programId ?? result.errors.startupId ?? "validation.formErrors") : null;
  const programme = (c: (typeof contexts)[number]) => `${locale === "vi" ? c.programNameVi : c.programNameEn} · ${c.startupName}`;
  return (
    <section className="page">
      <h1>{t("mentoring.booking.book.heading", { name: week.mentor.name })}</h1>
      {error ? <FormMessage tone="error">{t(error)}</FormMessage> : null}
      {!context ? (
        <p className="callout">{t("mentoring.booking.book.notAssigned")}</p>
      ) : (
        <>
          {contexts.length > 1 ? (
            <Form method="get" className="inline-form">
              <input type="hidden" name="week" value={week.week} />
              <label htmlFor="field-context">{t("mentoring.booking.book.for")}</label>{" "}
              <select id="field-context" name="context" defaultValue={`${context.programId}:${context.startupId}`}>
                {contexts.map((c) => (
                  <option key={`${c.programId}:${c.startupId}`} value={`${c.programId}:${c.startupId}`}>
                    {programme(c)}
                  </option>
                ))}
              </select>{" "}
              <button type="submit" className="button secondary">
                {t("mentoring.booking.book.choose")}
              </button>
            </Form>
          ) : (
            <p>{programme(context)}</p>
          )}
          <p>{t("mentoring.booking.book.hoursLeft", { used: hours(context.usedHours), budget: hours(context.budgetHours) })}</p>
          {week.mentor.location ? <p>{t("mentoring.booking.book.where", { location: week.mentor.location })}</p> : null}
          <WeekOfSlots
            week={week}
            query={`&context=${context.programId}:${context.startupId}`}
            hidden={
              <>
                <input type="hidden" name="programId" value={context.programId} />
                <input type="hidden" name="startupId" value={context.startupId} />
              </>
            }
            label={(date, time, mentorTime) => t("mentoring.booking.book.slotLabel", { date, time, mentorTime })}
          />
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
