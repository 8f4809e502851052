import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StartSchema } from "~/modules/applications/apply/schema";
import { startApplication } from "~/modules/applications/apply/drafts.server";
import { Deadline, useBilingual } from "~/modules/applications/apply/ui";
import { callPage } from "~/modules/applications/apply/open-calls.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { FormMessage, useZodForm } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("apply.start.title", { call: d.call.title[locale] }));

export const handle = routeStrings("apply.blind", "apply.call", "apply.callZone", "apply.decision", "apply.errors", "apply.noAnswer", "apply.start", "apply.status", "apply.zoned");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await callPage(viewer.claims, params.slug ?? "");
  if (viewer.startups.length === 0) throw redirect(`/startups/new?redirectTo=${encodeURIComponent(`/calls/${params.slug}/apply`)}`);
  return { call: page.call, tracks: page.tracks, state: page.state, mine: page.mine, startups: viewer.startups };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), StartSchema);
  if (!form.ok) return invalid(form.errors);
  const started = await startApplication(viewer.claims, params.slug ?? "", form.data);
  if (started.ok) throw redirect(`/applications/${started.id}/edit?step=1`);
  if (started.reason === "bad_track") return invalid({ trackId: "apply.errors.track" });
  if (started.reason === "not_founder") return invalid({ startupId: "apply.errors.notFounder" });
  return data({ errors: null, message: "apply.errors.callClosed" }, { status: 409 });
}

export default function StartApplication() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { call, tracks, state, mine, startups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const form = useZodForm(() => import("~/modules/applications/apply/schema").then((m) => m.StartSchema), errors);
  const started = new Map(mine.map((a) => [a.startupId, a]));
  return (
    <section className="page narrow">
      <h1>{t("apply.start.title", { call: pick(call.title) })}</h1>
      <p>
        {t("apply.call.deadline")}: <Deadline at={call.closesAt} callZone={call.timeZone} />
      </p>
      {state !== "open" || result?.message ? <FormMessage tone="error">{t("apply.errors.callClosed")}</FormMessage> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <div className="field">
          <label htmlFor="field-startupId">{t("apply.start.startup")}</label>
          <select
            id="field-startupId"
            {...form.register("startupId")}
            aria-invalid={form.errorOf("startupId") ? true : undefined}
            aria-describedby={form.errorOf("startupId") ? "field-startupId-error" : undefined}
          >
            {startups.map((s) => (
              <option key={s.startupId} value={s.startupId}>
                {s.name}
                {started.has(s.startupId) ? ` (${t(`apply.status.${started.get(s.startupId)!.status}`)})` : ""}
              </option>
            ))}
          </select>
          {form.errorOf("startupId") ? (
            <p id="field-startupId-error" className="field-error">
              {t(form.errorOf("startupId")!)}
            </p>
          ) : null}
        </div>
        {tracks.length > 0 ? (
          <div className="field">
            <label htmlFor="field-trackId">{t("apply.start.track")}</label>
            <select id="field-trackId" {...form.register("trackId")}>
              {tracks.map((tr) => (
                <option key={tr.id} value={tr.id}>
                  {pick(tr.name)}
                </option>
              ))}
            </select>
            {form.errorOf("trackId") ? <p className="field-error">{t(form.errorOf("trackId")!)}</p> : null}
          </div>
        ) : null}
        <p className="hint">{t("apply.start.hint")}</p>
        <button type="submit" className="button" disabled={state !== "open" || form.isSubmitting}>
          {t("apply.start.submit")}
        </button>
      </Form>
      <p>
        <Link to="/startups/new">{t("apply.start.anotherStartup")}</Link>
      </p>
    </section>
  );
}

export const ErrorBoundary = RouteError;
