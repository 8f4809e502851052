import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { callSettingsPage, offeringCallHeading, updateCall } from "~/modules/applications/setup/call-settings.server";
import { addTrack, moveTrack, removeTrack, renameTrack } from "~/modules/applications/setup/tracks.server";
import { runCommand } from "~/modules/applications/setup/actions.server";
import { answerFor, Section } from "~/modules/applications/setup/ui";
import { CallForm } from "~/modules/applications/setup/forms";
import { AddTrackForm, TrackRow } from "~/modules/applications/setup/track-forms";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { readForm } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";

export const handle: CallSection = { section: "setup.tabs.settings", ...routeStrings("setup", "validation") };

export function loader({ request, params }: LoaderFunctionArgs) {
  return offeringCallHeading(request, params.callId ?? "", async (alongside) => {
    const viewer = await requireViewer(request);
    return withOutcomes(() => callSettingsPage(viewer.claims, params.callId ?? "", alongside));
  });
}

const commands = { updateCall, addTrack, renameTrack, moveTrack, removeTrack };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const { result } = await runCommand(viewer.claims, params.callId ?? "", await readForm(request), commands);
  return result;
}

export default function CallSettingsPage() {
  const { t } = useTranslation();
  const { call, tracks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <div className="setup-columns">
        <Section title={t("setup.settingsTitle")}>
          <CallForm
            key={`${call.opensLocal}-${call.closesLocal}-${call.published}`}
            intent="updateCall"
            answer={answerFor(result, "updateCall")}
            zone={call.orgTimeZone}
            values={call}
            submitLabel={t("setup.save")}
          />
        </Section>
        <Section title={t("setup.tracks.title")}>
          <p className="hint">{t("setup.tracks.lead")}</p>
          {tracks.length === 0 ? <p className="empty">{t("setup.tracks.none")}</p> : null}
          <ol className="setup-list">
            {tracks.map((track, i) => (
              <TrackRow key={`${track.id}-${track.name.vi}-${track.name.en}`} track={track} n={i + 1} count={tracks.length} result={result} />
            ))}
          </ol>
          <AddTrackForm result={result} version={tracks.length} />
        </Section>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteError;
