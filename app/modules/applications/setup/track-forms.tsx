import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentButton, Outcome, answerFor } from "./ui";
import { Input, useSetupForm } from "./setup-form";
import type { Track } from "../types";

/** One form per track (rename) plus its move and remove buttons; and the "add track" form. */
export function TrackRow({ track, n, count, result }: { track: Track; n: number; count: number; result: unknown }) {
  const { t } = useTranslation();
  const answer = answerFor(result, "renameTrack", track.id);
  const form = useSetupForm(() => import("./schema").then((m) => m.TrackSchema), answer);
  const p = `track-${track.id}`;
  return (
    <li className="card">
      <h3>{t("setup.tracks.item", { n })}</h3>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <Outcome answer={answer} form={form} />
        <input type="hidden" name="intent" value="renameTrack" />
        <input type="hidden" name="id" value={track.id} />
        <Input form={form} prefix={p} name="nameVi" label={t("setup.tracks.nameVi")} defaultValue={track.name.vi} />
        <Input form={form} prefix={p} name="nameEn" label={t("setup.tracks.nameEn")} defaultValue={track.name.en} />
        <button type="submit" className="button secondary small">
          {t("setup.tracks.rename")}
        </button>
      </Form>
      <div className="row-actions">
        {n > 1 ? <IntentButton intent="moveTrack" id={track.id} extra={{ direction: "up" }} label={t("setup.moveUp")} /> : null}
        {n < count ? <IntentButton intent="moveTrack" id={track.id} extra={{ direction: "down" }} label={t("setup.moveDown")} /> : null}
        <IntentButton intent="removeTrack" id={track.id} label={t("setup.remove")} />
      </div>
    </li>
  );
}

export function AddTrackForm({ result, version }: { result: unknown; version: number }) {
  const { t } = useTranslation();
  const answer = answerFor(result, "addTrack");
  const form = useSetupForm(() => import("./schema").then((m) => m.TrackSchema), answer);
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} key={version}>
      <Outcome answer={answer} form={form} />
      <input type="hidden" name="intent" value="addTrack" />
      <Input form={form} prefix="new-track" name="nameVi" label={t("setup.tracks.nameVi")} />
      <Input form={form} prefix="new-track" name="nameEn" label={t("setup.tracks.nameEn")} />
      <button type="submit" className="button">
        {t("setup.tracks.add")}
      </button>
    </Form>
  );
}
