import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { rescheduleSession } from "~/modules/mentoring/booking/change.server";
import { RescheduleSchema } from "~/modules/mentoring/booking/schema";
import { changeable, mySession } from "~/modules/mentoring/booking/sessions.server";
import { SessionTime } from "~/modules/mentoring/booking/ui";
import { WeekOfSlots } from "~/modules/mentoring/booking/week";
import { mentorWeek } from "~/modules/mentoring/booking/week.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { requireId } from "~/platform/ids.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { NotFoundError } from "~/platform/db/errors.server";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mentoring.booking.reschedule.title");

export const handle = routeStrings("mentoring.booking", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const session = await mySession(viewer.claims, requireId(params.sessionId));
  if (!session) throw new NotFoundError();
  const open = changeable(session);
  const week = open ? await mentorWeek(viewer.claims, session.mentorId, new URL(request.url).searchParams.get("week"), viewer.timeZone, session.id) : null;
  return { session, week };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const sessionId = requireId(params.sessionId);
  const parsed = parseForm(await readForm(request), RescheduleSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  const outcome = await rescheduleSession(viewer.claims, sessionId, parsed.data.startsAt);
  if (!outcome.ok) return invalid(outcome.errors);
  return redirect("/mentoring/sessions?done=moved");
}

export default function Reschedule() {
  const { t } = useTranslation();
  const { session, week } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.errors ? (result.errors.startsAt ?? result.errors.mentorId ?? "validation.formErrors") : null;
  return (
    <section className="page">
      <h1>{t("mentoring.booking.reschedule.heading", { name: session.asMentor ? session.startupName : session.mentorName })}</h1>
      <p>
        {t("mentoring.booking.reschedule.current")}
        <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
      </p>
      {error ? <FormMessage tone="error">{t(error)}</FormMessage> : null}
      {week ? (
        <WeekOfSlots week={week} hidden={null} label={(date, time) => t("mentoring.booking.reschedule.move", { date, time })} />
      ) : (
        <p className="callout">{t("mentoring.booking.reschedule.notChangeable")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
