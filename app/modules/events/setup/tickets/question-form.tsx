import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LabelledField } from "~/ui/form";
import type { Locale } from "~/platform/i18n/i18n";
import type { SetupAnswer } from "./actions.server";
import { Check, Checks, Input, Text, valueOf } from "./fields";
import type { QuestionRow, TicketTypeRow } from "./page.server";
import { QUESTION_KINDS } from "./question-kinds";

// The form of a question for each attendee, to add one (no `question`) or change one.

type Props = { question: QuestionRow | null; types: Pick<TicketTypeRow, "id" | "name">[]; answer: SetupAnswer | null; locale: Locale; nextPosition: number };

export function QuestionForm({ question, types, answer, locale, nextPosition }: Props) {
  const { t } = useTranslation();
  const prefix = question ? `question-${question.id}` : "question-new";
  const err = (name: string) => answer?.errors?.[name];
  const v = (name: string, stored: string | number | undefined) => valueOf(answer, name, stored);
  const typed = answer?.values?.ticketTypes;
  const checkedTypes = typed === undefined ? (question?.ticketTypes ?? []) : Array.isArray(typed) ? (typed as string[]) : [String(typed)];
  const required = answer?.values ? answer.values.required === "on" : (question?.required ?? false);
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="saveQuestion" />
      {question ? <input type="hidden" name="id" value={question.id} /> : null}
      <Input prefix={prefix} name="labelVi" label={t("events.ticketSetup.questions.labelVi")} defaultValue={v("labelVi", question?.label.vi)} required maxLength={300} error={err("labelVi")} />
      <Input prefix={prefix} name="labelEn" label={t("events.ticketSetup.questions.labelEn")} defaultValue={v("labelEn", question?.label.en)} required maxLength={300} error={err("labelEn")} />
      <Text prefix={prefix} name="helpVi" label={t("events.ticketSetup.questions.helpVi")} defaultValue={v("helpVi", question?.help.vi)} maxLength={1000} error={err("helpVi")} />
      <Text prefix={prefix} name="helpEn" label={t("events.ticketSetup.questions.helpEn")} defaultValue={v("helpEn", question?.help.en)} maxLength={1000} error={err("helpEn")} />
      <LabelledField
        id={`${prefix}-kind`}
        name="kind"
        label={t("events.ticketSetup.questions.kind")}
        error={err("kind")}
        control={(aria) => (
          <select {...aria} name="kind" defaultValue={v("kind", question?.kind ?? "text")}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`events.ticketSetup.questions.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      />
      <Text
        prefix={prefix}
        name="options"
        label={t("events.ticketSetup.questions.options")}
        hint={t("events.ticketSetup.questions.optionsHint")}
        defaultValue={v("options", question?.options.join("\n"))}
        rows={4}
        maxLength={6000}
        error={err("options")}
      />
      <Check prefix={prefix} name="required" label={t("events.ticketSetup.questions.required")} defaultChecked={required} />
      <Checks
        prefix={prefix}
        name="ticketTypes"
        legend={t("events.ticketSetup.questions.ticketTypes")}
        hint={t("events.ticketSetup.questions.ticketTypesHint")}
        error={err("ticketTypes")}
        options={types.map((ty) => ({ value: ty.id, label: ty.name[locale] }))}
        checked={checkedTypes}
      />
      <Input prefix={prefix} name="position" label={t("events.ticketSetup.questions.position")} type="number" min={0} max={1000} defaultValue={v("position", question?.position ?? nextPosition)} required error={err("position")} />
      <button type="submit" className="button">
        {question ? t("events.ticketSetup.questions.save") : t("events.ticketSetup.questions.add")}
      </button>
    </Form>
  );
}
