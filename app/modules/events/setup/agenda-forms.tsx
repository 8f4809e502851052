import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/ui/locale";
import { useZodForm } from "~/ui/form";
import type { SetupAnswer } from "./actions.server";
import type { SessionRow, SpeakerRow } from "./agenda.server";
import { Answer, answerFor, Input } from "./fields";

// The agenda's forms: a speaker (add or edit), a session (add or edit, with the event's speakers
// to tick), and the small buttons of a row (move, remove). Each form's ids carry its target, so a
// page of many forms keeps every label tied to its own input.

const echo = (answer: SetupAnswer | null, name: string, current: string) => (typeof answer?.values?.[name] === "string" ? (answer.values[name] as string) : current);

export function SpeakerForm({ speaker, result }: { speaker: SpeakerRow | null; result: unknown }) {
  const { t } = useTranslation();
  const intent = speaker ? "updateSpeaker" : "addSpeaker";
  const answer = answerFor(result, intent, speaker?.id ?? null);
  const form = useZodForm(() => import("./schema").then((m) => m.SpeakerSchema), answer?.errors ?? undefined);
  const p = `speaker-${speaker?.id ?? "new"}`;
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      {speaker ? <input type="hidden" name="id" value={speaker.id} /> : null}
      <Answer answer={answer} />
      <Input form={form} prefix={p} name="name" label={t("events.setup.agenda.name")} defaultValue={echo(answer, "name", speaker?.name ?? "")} />
      <Input form={form} prefix={p} name="affiliation" label={t("events.setup.agenda.affiliation")} defaultValue={echo(answer, "affiliation", speaker?.affiliation ?? "")} />
      <Input form={form} prefix={p} name="bioVi" label={t("events.setup.agenda.bioVi")} defaultValue={echo(answer, "bioVi", speaker?.bio.vi ?? "")} multiline />
      <Input form={form} prefix={p} name="bioEn" label={t("events.setup.agenda.bioEn")} defaultValue={echo(answer, "bioEn", speaker?.bio.en ?? "")} multiline />
      <button type="submit" className="button">
        {t(speaker ? "events.setup.agenda.save" : "events.setup.agenda.addSpeaker")}
      </button>
    </Form>
  );
}

type Bounds = { startsLocal: string; endsLocal: string };

export function SessionForm({ session, speakers, bounds, result }: { session: SessionRow | null; speakers: SpeakerRow[]; bounds: Bounds; result: unknown }) {
  const { t } = useTranslation();
  const intent = session ? "updateSession" : "addSession";
  const answer = answerFor(result, intent, session?.id ?? null);
  const form = useZodForm(() => import("./schema").then((m) => m.SessionSchema), answer?.errors ?? undefined);
  const p = `session-${session?.id ?? "new"}`;
  const ticked = new Set(Array.isArray(answer?.values?.speakerIds) ? (answer.values.speakerIds as string[]) : typeof answer?.values?.speakerIds === "string" ? [answer.values.speakerIds] : (session?.speakerIds ?? []));
  const speakersError = form.errorOf("speakerIds");
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      {session ? <input type="hidden" name="id" value={session.id} /> : null}
      <Answer answer={answer} />
      <Input form={form} prefix={p} name="titleVi" label={t("events.setup.agenda.titleVi")} defaultValue={echo(answer, "titleVi", session?.title.vi ?? "")} />
      <Input form={form} prefix={p} name="titleEn" label={t("events.setup.agenda.titleEn")} defaultValue={echo(answer, "titleEn", session?.title.en ?? "")} />
      <Input form={form} prefix={p} name="room" label={t("events.setup.agenda.room")} defaultValue={echo(answer, "room", session?.room ?? "")} />
      <Input
        form={form}
        prefix={p}
        name="startsAt"
        type="datetime-local"
        min={bounds.startsLocal}
        max={bounds.endsLocal}
        label={t("events.setup.agenda.startsAt")}
        defaultValue={echo(answer, "startsAt", session?.startsLocal ?? bounds.startsLocal)}
      />
      <Input
        form={form}
        prefix={p}
        name="endsAt"
        type="datetime-local"
        min={bounds.startsLocal}
        max={bounds.endsLocal}
        label={t("events.setup.agenda.endsAt")}
        defaultValue={echo(answer, "endsAt", session?.endsLocal ?? "")}
      />
      {speakers.length ? (
        <fieldset aria-describedby={speakersError ? `${p}-speakers-error` : undefined}>
          <legend>{t("events.setup.agenda.speakersOf")}</legend>
          {speakers.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" value={s.id} defaultChecked={ticked.has(s.id)} {...form.register("speakerIds")} /> {s.name}
            </label>
          ))}
          {speakersError ? (
            <p id={`${p}-speakers-error`} className="field-error">
              {t(speakersError)}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <button type="submit" className="button">
        {t(session ? "events.setup.agenda.save" : "events.setup.agenda.addSession")}
      </button>
    </Form>
  );
}

/** A post of one intent about one row, as a button (move up or down, remove). */
export function RowButton({ intent, id, label, extra }: { intent: string; id: string; label: string; extra?: Record<string, string> }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="button secondary">
        {label}
      </button>
    </Form>
  );
}

export function useSpeakerNames(speakers: SpeakerRow[]) {
  const locale = useLocale();
  const names = new Map(speakers.map((s) => [s.id, s.name]));
  return { locale, nameOf: (id: string) => names.get(id) ?? "" };
}
