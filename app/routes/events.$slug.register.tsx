import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AttendeeForm } from "~/modules/events/register/attendee-form";
import { ChooseTickets } from "~/modules/events/register/choose";
import { registerForm } from "~/modules/events/register/form.server";
import { registerOrder } from "~/modules/events/register/order.server";
import { RegisterSchema, WaitlistJoinSchema } from "~/modules/events/register/schema";
import { joinWaitlist } from "~/modules/events/waitlist/waitlist.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { formatInZone } from "~/platform/i18n/format";
import { formToObject, invalid, parseInput, readForm } from "~/platform/http/form.server";
import { isUuid } from "~/platform/ids";
import { paymentMethods } from "~/platform/payments/page.server";
import { FormMessage } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("events.register.heading", { event: d.event.title[locale] }));

export const handle = routeStrings("events.page", "events.register", "events.waitlist", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const url = new URL(request.url);
  const code = url.searchParams.get("code")?.slice(0, 40) || null;
  const offerParam = url.searchParams.get("offer");
  const form = await registerForm(viewer.claims, params.slug ?? "", code, isUuid(offerParam) ? offerParam : null);
  const methods = paymentMethods();
  // what was chosen in step one (q.<ticket type>=n), or the one seat of a waitlist offer
  const lines = form.offer
    ? form.offers.filter((o) => o.id === form.offer!.ticketTypeId).map((offer) => ({ offer, count: 1 }))
    : form.offers.map((offer) => ({ offer, count: Math.min(50, Math.max(0, Number(url.searchParams.get(`q.${offer.id}`)) || 0)) })).filter((l) => l.count > 0);
  return { ...form, lines, code, methods, viewer: { name: viewer.displayName, email: viewer.email } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const slug = params.slug ?? "";
  const fields = formToObject(await readForm(request));
  if (fields.intent === "waitlist") {
    const parsed = parseInput(WaitlistJoinSchema, fields);
    if (!parsed.ok) return invalid(parsed.errors);
    const joined = await joinWaitlist(viewer.claims, parsed.data);
    if (!joined.ok) return invalid(joined.errors);
    return redirect(`/events/${encodeURIComponent(slug)}?done=waitlist`);
  }
  const parsed = parseInput(RegisterSchema, fields);
  if (!parsed.ok) return invalid(parsed.errors);
  const placed = await registerOrder(viewer.claims, { slug }, parsed.data);
  if (!placed.ok) return invalid(placed.errors);
  // a held order goes to its payment: Stripe's checkout page, or the transfer page with the VietQR code
  const payment = placed.value.payment;
  if (payment) return redirect(payment.checkoutUrl ?? `/payments/${payment.id}`);
  return redirect(`/events/${encodeURIComponent(slug)}?done=${placed.value.status}&order=${placed.value.code}`);
}

export default function Register() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, offers, questions, offer, lines, code, methods, viewer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const first = errors ? (errors.tickets ?? errors.ticketType ?? errors.method ?? "validation.formErrors") : null;
  return (
    <section className="page">
      <p>
        <Link to={`/events/${event.slug}`}>{event.title[locale]}</Link>
      </p>
      <h1>{t("events.register.heading", { event: event.title[locale] })}</h1>
      {first ? <FormMessage tone="error">{t(first)}</FormMessage> : null}
      {offer ? <p className="callout">{t("events.register.offer", { deadline: formatInZone(offer.expiresAt, locale, event.timeZone) })}</p> : null}
      {lines.length ? (
        <AttendeeForm lines={lines} questions={questions} locale={locale} viewer={viewer} code={code} offerId={offer?.id ?? null} methods={methods} errors={errors} />
      ) : (
        <ChooseTickets offers={offers} code={code} locale={locale} name={viewer.name} email={viewer.email} />
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
