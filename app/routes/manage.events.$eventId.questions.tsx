import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { runSetupCommand } from "~/modules/events/setup/tickets/actions.server";
import { answerFor, IntentButton, Section, Summary } from "~/modules/events/setup/tickets/fields";
import { ticketSetupPage } from "~/modules/events/setup/tickets/page.server";
import { QuestionForm } from "~/modules/events/setup/tickets/question-form";
import { removeQuestion, restoreQuestion, saveQuestion } from "~/modules/events/setup/tickets/questions.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { readForm } from "~/platform/http/form.server";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

// The questions each attendee answers when registering: which ticket types ask them, and whether
// an answer is required.

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("events.ticketSetup.questionsTitle", { event: d.event.title[locale] }));

export const handle = routeStrings("events.ticketSetup", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await withOutcomes(() => ticketSetupPage(viewer.claims, params.eventId ?? ""));
  return { event: page.event, questions: page.questions, types: page.types.map((ty) => ({ id: ty.id, name: ty.name })) };
}

const commands = { saveQuestion, removeQuestion, restoreQuestion };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  return runSetupCommand(viewer.claims, params.eventId ?? "", await readForm(request), commands);
}

export default function QuestionSetup() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { questions, types } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const typeName = new Map(types.map((ty) => [ty.id, ty.name[locale]]));
  return (
    <div className="stack">
      <div aria-live="polite">
        <Summary answer={result} />
      </div>
      <Section id="questions" title={t("events.ticketSetup.questions.heading")}>
        <p className="hint">{t("events.ticketSetup.questions.lead")}</p>
        {questions.length === 0 ? <p className="empty">{t("events.ticketSetup.questions.none")}</p> : null}
        <ol className="setup-list">
          {questions.map((q) => {
            const editing = answerFor(result, "saveQuestion", q.id);
            return (
              <li key={q.id} className="card stack">
                <h3>
                  {q.label[locale]}
                  {q.retired ? <span className="tag"> {t("events.ticketSetup.questions.retiredTag")}</span> : null}
                </h3>
                {q.help[locale] ? <p className="hint">{q.help[locale]}</p> : null}
                <p>
                  {t(`events.ticketSetup.questions.kinds.${q.kind}`)} ·{" "}
                  {q.required ? t("events.ticketSetup.questions.requiredTag") : t("events.ticketSetup.questions.optionalTag")} ·{" "}
                  {q.ticketTypes.length ? q.ticketTypes.map((id) => typeName.get(id)).filter(Boolean).join(", ") : t("events.ticketSetup.questions.allTypes")} ·{" "}
                  {t("events.ticketSetup.questions.answers", { count: q.answers })}
                </p>
                {q.options.length ? (
                  <ul>
                    {q.options.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                ) : null}
                <details open={!!editing?.errors}>
                  <summary>
                    {t("events.ticketSetup.questions.edit")}: {q.label[locale]}
                  </summary>
                  <QuestionForm question={q} types={types} answer={editing} locale={locale} nextPosition={q.position} />
                </details>
                {q.retired ? (
                  <IntentButton intent="restoreQuestion" id={q.id} label={`${t("events.ticketSetup.questions.restore")}: ${q.label[locale]}`} />
                ) : (
                  <>
                    <IntentButton intent="removeQuestion" id={q.id} label={`${t("events.ticketSetup.questions.remove")}: ${q.label[locale]}`} />
                    {q.answers > 0 ? <p className="hint">{t("events.ticketSetup.questions.removeHint")}</p> : null}
                  </>
                )}
              </li>
            );
          })}
        </ol>
        <div className="card stack" key={`new-${questions.length}`}>
          <h3>{t("events.ticketSetup.questions.add")}</h3>
          <QuestionForm question={null} types={types} answer={answerFor(result, "saveQuestion")} locale={locale} nextPosition={(questions.at(-1)?.position ?? 0) + 1} />
        </div>
      </Section>
    </div>
  );
}

export const ErrorBoundary = RouteError;
