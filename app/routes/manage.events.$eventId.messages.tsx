import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MessageForm } from "~/modules/events/messages/compose";
import { SentMessages } from "~/modules/events/messages/history";
import { messagesPage, previewMessage, sendMessage } from "~/modules/events/messages/messages.server";
import { MessageSchema } from "~/modules/events/messages/schema";
import { requireViewer } from "~/platform/auth/guards.server";
import { formToObject, parseInput, readForm, type FieldErrors } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("events.messages.heading", { event: d.event.title[locale] }));

export const handle = routeStrings("events.messages", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { ...(await messagesPage(viewer.claims, params.eventId ?? "")), timeZone: viewer.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const input = formToObject(await readForm(request));
  // refused: the reasons, and what was written so far back into the form
  const invalid = (errors: FieldErrors) => data({ errors, preview: null, values: input }, { status: 400 });
  const parsed = parseInput(MessageSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const eventId = params.eventId ?? "";
  if (parsed.data.intent === "preview") {
    const preview = await previewMessage(viewer.claims, eventId, parsed.data);
    if (!preview.ok) return invalid(preview.errors);
    return { errors: null, preview: preview.value, values: input };
  }
  const sent = await sendMessage(viewer.claims, eventId, parsed.data);
  if (!sent.ok) return invalid(sent.errors);
  return redirect(`/manage/events/${eventId}/messages?sent=${sent.value.recipients}`);
}

export default function EventMessages() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { ticketTypes, sent, sendKey, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const count = Number(search.get("sent"));
  return (
    <>
      {search.has("sent") && Number.isSafeInteger(count) && count >= 0 ? <FormMessage tone="success">{t("events.messages.sent", { count })}</FormMessage> : null}
      {result?.errors ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      <h2>{t("events.messages.compose")}</h2>
      <MessageForm
        key={sendKey}
        sendKey={sendKey}
        ticketTypes={ticketTypes}
        errors={result?.errors ?? null}
        values={result?.values ?? null}
        preview={result?.preview ?? null}
        locale={locale}
      />
      <h2>{t("events.messages.history")}</h2>
      <SentMessages rows={sent} locale={locale} timeZone={timeZone} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
