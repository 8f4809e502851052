import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { runCommand } from "~/modules/events/setup/actions.server";
import { RowButton, SessionForm, SpeakerForm, useSpeakerNames } from "~/modules/events/setup/agenda-forms";
import { addSession, addSpeaker, agendaPage, moveSpeaker, removeSession, removeSpeaker, updateSession, updateSpeaker } from "~/modules/events/setup/agenda.server";
import { tabMeta } from "~/modules/events/setup/tabs";
import { instantOf } from "~/modules/events/setup/time";
import { When } from "~/modules/events/page/ui";
import { requireViewer } from "~/platform/auth/guards.server";
import { zoneName } from "~/platform/i18n/format";
import { withOutcomes } from "~/platform/http/errors.server";
import { readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = tabMeta("events.setup.tabs.agenda");

export const handle = routeStrings("events.page", "events.setup", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => agendaPage(viewer.claims, params.eventId ?? ""));
}

const commands = { addSpeaker, updateSpeaker, removeSpeaker, moveSpeaker, addSession, updateSession, removeSession };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  return runCommand(viewer.claims, params.eventId ?? "", await readForm(request), commands);
}

export default function AgendaPage() {
  const { t } = useTranslation();
  const agenda = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale, nameOf } = useSpeakerNames(agenda.speakers);
  const zone = agenda.timeZone;
  const at = (local: string) => instantOf(local, zone);
  const version = (s: object) => JSON.stringify(s);
  // a refusal no form on the page owns (a hostile or stale post) still says why
  const owned =
    result?.id == null
      ? result?.intent === "addSpeaker" || result?.intent === "addSession"
      : (result.intent === "updateSpeaker" && agenda.speakers.some((s) => s.id === result.id)) || (result.intent === "updateSession" && agenda.sessions.some((s) => s.id === result.id));
  return (
    <div className="setup-columns">
      {result?.errors && !owned ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      <section className="card setup-section" aria-labelledby="speakers-heading">
        <h2 id="speakers-heading">{t("events.setup.agenda.speakers")}</h2>
        {agenda.speakers.length === 0 ? <p className="empty">{t("events.setup.agenda.noSpeakers")}</p> : null}
        <ol className="setup-list">
          {agenda.speakers.map((s, i) => (
            <li key={version(s)} className="card">
              <h3>{s.name}</h3>
              {s.affiliation ? <p className="tag">{s.affiliation}</p> : null}
              <details>
                <summary>{t("events.setup.agenda.editSpeaker", { name: s.name })}</summary>
                <SpeakerForm speaker={s} result={result} />
              </details>
              <div className="row-actions">
                {i > 0 ? <RowButton intent="moveSpeaker" id={s.id} extra={{ direction: "up" }} label={t("events.setup.agenda.up", { name: s.name })} /> : null}
                {i < agenda.speakers.length - 1 ? <RowButton intent="moveSpeaker" id={s.id} extra={{ direction: "down" }} label={t("events.setup.agenda.down", { name: s.name })} /> : null}
                <RowButton intent="removeSpeaker" id={s.id} label={`${t("events.setup.agenda.remove")} ${s.name}`} />
              </div>
            </li>
          ))}
        </ol>
        <h3>{t("events.setup.agenda.addSpeaker")}</h3>
        <SpeakerForm key={agenda.speakers.length} speaker={null} result={result} />
      </section>
      <section className="card setup-section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("events.setup.agenda.sessions")}</h2>
        <p className="hint">
          {t("events.setup.agenda.within", { from: agenda.startsLocal.replace("T", " "), to: agenda.endsLocal.replace("T", " "), zone: zoneName(zone, locale, at(agenda.startsLocal)) })}
        </p>
        {agenda.sessions.length === 0 ? <p className="empty">{t("events.setup.agenda.noSessions")}</p> : null}
        <ol className="setup-list">
          {agenda.sessions.map((s) => (
            <li key={version(s)} className="card">
              <h3>{s.title[locale]}</h3>
              <p className="tag">
                <When startsAt={at(s.startsLocal)} endsAt={at(s.endsLocal)} zone={zone} locale={locale} />
                {s.room ? ` · ${s.room}` : ""}
              </p>
              {s.speakerIds.length ? <p>{s.speakerIds.map(nameOf).join(", ")}</p> : null}
              <details>
                <summary>{t("events.setup.agenda.editSession", { title: s.title[locale] })}</summary>
                <SessionForm session={s} speakers={agenda.speakers} bounds={agenda} result={result} />
              </details>
              <div className="row-actions">
                <RowButton intent="removeSession" id={s.id} label={`${t("events.setup.agenda.remove")} ${s.title[locale]}`} />
              </div>
            </li>
          ))}
        </ol>
        <h3>{t("events.setup.agenda.addSession")}</h3>
        <SessionForm key={agenda.sessions.length} session={null} speakers={agenda.speakers} bounds={agenda} result={result} />
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteError;
