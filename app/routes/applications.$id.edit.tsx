import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { useTranslation } from "react-i18next";
import { DECK_MAX_BYTES, SubmitSchema } from "~/modules/applications/apply/schema";
import { loadDraft, stepsOf } from "~/modules/applications/apply/drafts.server";
import { BlindNotice, Deadline, useBilingual } from "~/modules/applications/apply/ui";
import { saveDraftStep, type UploadedFile } from "~/modules/applications/apply/save-step.server";
import { StepForm } from "~/modules/applications/apply/step-form";
import { ReviewStep } from "~/modules/applications/apply/review-step";
import { submitApplication } from "~/modules/applications/apply/submit.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { formToObject, invalid, oversizeFile, parseForm, readForm } from "~/platform/http/form.server";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { requireId } from "~/platform/ids.server";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("apply.form.title");

export const handle = routeStrings("apply.blind", "apply.call", "apply.callZone", "apply.decision", "apply.errors", "apply.form", "apply.noAnswer", "apply.reference", "apply.start", "apply.status", "apply.zoned", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = requireId(params.id);
  const draft = await loadDraft(viewer.claims, id);
  if (draft.application.status !== "draft") throw redirect(`/applications/${id}`);
  const steps = stepsOf(draft.questions);
  const asked = new URL(request.url).searchParams.get("step");
  const step: number | "review" = asked === "review" || steps.length === 0 ? "review" : steps.includes(Number(asked)) ? Number(asked) : steps[0]!;
  // The submit button's idempotency key: a double click sends the same key twice.
  return { draft, steps, step, submitKey: randomUUID() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = requireId(params.id);
  // multipart when it carries a deck; read whole (the body cap bounds it), then the deck's own limit
  const form = await readForm(request);
  const tooBig = oversizeFile(form, DECK_MAX_BYTES);
  if (tooBig) return invalid({ [tooBig]: "apply.errors.deckTooBig" });
  const intent = form.get("intent");
  if (intent === "submit") {
    const parsed = parseForm(form, SubmitSchema);
    if (!parsed.ok) return invalid(parsed.errors);
    const result = await submitApplication(viewer.claims, id, parsed.data.submitKey);
    if (result.outcome === "submitted" || result.outcome === "already_submitted") throw redirect(`/applications/${id}?${result.outcome}=1`);
    if (result.outcome === "withdrawn") throw redirect(`/applications/${id}`);
    return data(
      { errors: null, message: result.outcome === "call_closed" ? "apply.errors.callClosed" : "apply.errors.incomplete", saved: false },
      { status: 409 },
    );
  }
  const step = Number(form.get("step"));
  if (!Number.isInteger(step) || step < 1 || step > 10) return invalid({ form: "validation.required" });
  const files: Record<string, UploadedFile> = {};
  for (const [key, value] of form.entries()) {
    if (value instanceof File && value.size > 0) files[key] = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  const saved = await saveDraftStep(viewer.claims, id, step, formToObject(form), files);
  if (!saved.ok && saved.reason === "locked") return data({ errors: null, message: "apply.errors.locked", saved: false }, { status: 409 });
  if (!saved.ok) {
    // what they typed comes back with the messages, so nothing is lost (also without JavaScript)
    const values = Object.fromEntries(Object.entries(formToObject(form)).filter(([k]) => k.startsWith("q_"))) as Record<string, string | string[]>;
    return data({ errors: saved.errors, message: "validation.formErrors", saved: false, values }, { status: 400 });
  }
  if (intent === "autosave") return { errors: null, message: null, saved: true };
  throw redirect(`/applications/${id}/edit?step=${saved.nextStep}`);
}

export default function EditApplication() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { draft, steps, step, submitKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { call, application } = draft;
  const stepLabel = (n: number) => {
    const title = call.stepTitles[String(n)];
    return title ? t("apply.form.namedStep", { n, title: pick(title) }) : t("apply.form.step", { n });
  };
  return (
    <section className="page">
      <p className="tag">
        <Link to={`/calls/${call.slug}`}>{pick(call.title)}</Link> · {application.startupName} · {t("apply.reference", { code: application.code })}
      </p>
      <h1>{t("apply.form.title")}</h1>
      <p>
        {t("apply.call.deadline")}: <Deadline at={call.closesAt} callZone={call.timeZone} />
      </p>
      <BlindNotice fields={call.blindFields} />
      <nav aria-label={t("apply.form.steps")}>
        <ol className="steps">
          {steps.map((s) => (
            <li key={s}>
              <Link to={`?step=${s}`} aria-current={s === step ? "step" : undefined}>
                {stepLabel(s)}
              </Link>
            </li>
          ))}
          <li>
            <Link to="?step=review" aria-current={step === "review" ? "step" : undefined}>
              {t("apply.form.reviewStep")}
            </Link>
          </li>
        </ol>
      </nav>
      {step === "review" ? (
        <ReviewStep draft={draft} submitKey={submitKey} message={result?.message ?? null} />
      ) : (
        <StepForm
          key={step}
          draft={draft}
          step={step}
          serverErrors={result?.errors ?? undefined}
          posted={result && "values" in result ? (result.values as Record<string, unknown>) : undefined}
          message={result?.message ?? null}
        />
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
