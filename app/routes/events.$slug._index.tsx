import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { eventPage } from "~/modules/events/page/event.server";
import { eventMeta } from "~/modules/events/page/meta";
import { Agenda, TicketList, When } from "~/modules/events/page/ui";
import { cancelOrder, transferTicket } from "~/modules/events/register/change.server";
import { MyRegistrations } from "~/modules/events/register/mine";
import { MineIntentSchema } from "~/modules/events/register/schema";
import { leaveWaitlist } from "~/modules/events/waitlist/waitlist.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { env } from "~/platform/env.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { formToObject, invalid, parseInput, readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = eventMeta(titled<SerializeFrom<typeof loader>>((_t, d) => d.event.title));

export const handle = routeStrings("events.kinds", "events.page", "events.register", "events.waitlist", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const code = url.searchParams.get("code")?.slice(0, 40) || null;
  // the page's texts in the viewer's language only: the language switch's post runs this again
  const page = await eventPage(viewer?.claims ?? null, params.slug ?? "", code, await resolveLocale(request, viewer));
  return { ...page, code, appUrl: env().APP_URL, url: `${env().APP_URL}/events/${page.event.slug}` };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parseInput(MineIntentSchema, formToObject(await readForm(request)));
  if (!parsed.ok) return invalid(parsed.errors);
  const d = parsed.data;
  const outcome =
    d.intent === "cancel" ? await cancelOrder(viewer.claims, d.orderId) : d.intent === "leave" ? await leaveWaitlist(viewer.claims, d.placeId) : await transferTicket(viewer.claims, d);
  if (!outcome.ok) return invalid(outcome.errors);
  const done = { cancel: "cancelled", leave: "left", transfer: "transferred" }[d.intent];
  return redirect(`/events/${encodeURIComponent(params.slug ?? "")}?done=${done}`);
}

const DONE = new Set(["cancelled", "left", "transferred", "waitlist", "confirmed", "held", "paid"]);

export default function EventPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, offers, agenda, mine, manages, code } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const error = result?.errors ? (Object.values(result.errors)[0] ?? "validation.formErrors") : null;
  const here = `/events/${event.slug}`;
  return (
    <section className="page">
      {!event.published ? <p className="callout">{t("events.page.draft")}</p> : null}
      {event.coverUrl ? <img className="cover" src={event.coverUrl} alt="" /> : null}
      <p className="tag">
        {t(`events.kinds.${event.kind}`)} · {event.orgName}
      </p>
      <h1>{event.title}</h1>
      {done && DONE.has(done) ? <FormMessage tone="success">{t(`events.register.done.${done}`, { code: search.get("order") ?? "" })}</FormMessage> : null}
      {error ? <FormMessage tone="error">{t(error)}</FormMessage> : null}
      <p>{event.summary}</p>
      <dl className="facts">
        <dt>{t("events.page.when")}</dt>
        <dd>
          <When startsAt={event.startsAt} endsAt={event.endsAt} zone={event.timeZone} locale={locale} />
        </dd>
        {event.venue ? (
          <>
            <dt>{t("events.page.where")}</dt>
            <dd>{event.venue}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`${here}/calendar.ics`}>{t("events.page.addToCalendar")}</a>
        {manages ? (
          <>
            {" · "}
            <Link to={`/manage/events/${event.id}`}>{t("events.page.manage")}</Link>
          </>
        ) : null}
      </p>
      {event.description ? <p className="pre-wrap">{event.description}</p> : null}
      {mine ? (
        <MyRegistrations orders={mine.orders} places={mine.places} slug={event.slug} zone={event.timeZone} locale={locale} canCancel={event.cancelHours !== null} />
      ) : null}
      <h2>{t("events.page.tickets")}</h2>
      <TicketList offers={offers} zone={event.timeZone} locale={locale} registerTo={`${here}/register${code ? `?code=${encodeURIComponent(code)}` : ""}`} />
      <p className="hint">
        {event.cancelHours === null ? t("events.page.cancelPolicy_none") : t("events.page.cancelPolicy", { hours: event.cancelHours })}
      </p>
      <Form method="get" className="inline-form">
        <label htmlFor="field-code">{t("events.page.code")}</label> <input id="field-code" name="code" defaultValue={code ?? ""} maxLength={40} />{" "}
        <button type="submit" className="button secondary">
          {t("events.page.unlock")}
        </button>
      </Form>
      <Agenda sessions={agenda.sessions} speakers={agenda.speakers} zone={event.timeZone} locale={locale} />
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
