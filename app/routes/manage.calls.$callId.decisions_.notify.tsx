import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotifySchema } from "~/modules/applications/select/schema";
import { notifyFounders, notifyPreview } from "~/modules/applications/select/notify.server";
import { MailPreview, useCountList } from "~/modules/applications/select/notify-preview";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput, withOutcomes } from "~/platform/http/errors.server";
import { parseForm, readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

// The notify step: every mail the pending decisions will send, as each founder will read it, and
// one confirmation naming the counts. The send is all or nothing and happens once (notify.server.ts).
export const handle: CallSection = { section: "select.notify.section", ...routeStrings("select.common", "select.deadline", "select.decisions", "select.notify", "setup", "validation") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const preview = await notifyPreview(viewer.claims, params.callId ?? "");
  return { ...preview, locale: viewer.locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), NotifySchema);
  if (!form.ok) throw badInput();
  const outcome = await withOutcomes(() => notifyFounders(viewer.claims, params.callId ?? "", form.data.version));
  if (outcome.kind === "changed") return data({ message: "select.notify.changed", codes: "", counts: null }, { status: 409 });
  if (outcome.kind === "deadlinePassed") return data({ message: "select.notify.expiredError", codes: outcome.codes.join(", "), counts: null }, { status: 400 });
  return { message: "select.notify.sent", codes: "", counts: outcome.counts };
}

export default function Notify() {
  const { t } = useTranslation();
  const { call, items, counts, version, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const list = useCountList();
  return (
    <>
      <p>
        <Link to={`/manage/calls/${call.id}/decisions`}>{t("select.notify.back")}</Link>
      </p>
      {result ? (
        <FormMessage tone={result.counts ? "success" : "error"}>
          {t(result.message, { codes: result.codes, list: result.counts ? list(result.counts) : "" })}
        </FormMessage>
      ) : null}
      {items.length === 0 ? (
        <p className="empty">{t("select.notify.nonePending")}</p>
      ) : (
        <>
          <p>{t("select.notify.lead")}</p>
          {items.map((item) => (
            <MailPreview key={item.id} item={item} call={call} locale={locale} />
          ))}
          <Form method="post">
            <input type="hidden" name="intent" value="notify" />
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="button">
              {t("select.notify.send", { list: list(counts) })}
            </button>
          </Form>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
