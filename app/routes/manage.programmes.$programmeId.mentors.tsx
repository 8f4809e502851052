import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { approveMentor, inviteMentor, programmeMentorsPage, setMatchMode, withdrawMentor } from "~/modules/mentoring/profiles/approvals.server";
import { ProgrammeMentorsIntent } from "~/modules/mentoring/profiles/schema";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput, withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { Field, FormMessage, LabelledField } from "~/ui/form";
import { useLocale } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((t, d, locale) => t("mentoring.profiles.programme.title", { programme: d.programme.name[locale] }));

export const handle = routeStrings("mentoring.match", "mentoring.profiles", "pager", "roles", "validation");

// A programme's mentors, for its managers: approve, withdraw, invite, and choose how it matches.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => programmeMentorsPage(viewer.claims, params.programmeId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), ProgrammeMentorsIntent);
  // only the invitation and the mode have fields a person fills in; anything else is not a form of this page
  if (!form.ok && Object.keys(form.errors).some((f) => !["email", "matchMode", "requestDays"].includes(f))) throw badInput();
  if (!form.ok) return invalid(form.errors);
  const id = params.programmeId ?? "";
  const input = form.data;
  if (input.intent === "invite") {
    await withOutcomes(() => inviteMentor(viewer.claims, id, input.email, viewer.locale));
    return { errors: null, done: "invited" as const, email: input.email };
  }
  if (input.intent === "mode") {
    await withOutcomes(() => setMatchMode(viewer.claims, id, input.matchMode, input.requestDays));
    return { errors: null, done: "modeSaved" as const, email: null };
  }
  const outcome = await withOutcomes(() =>
    input.intent === "approve" ? approveMentor(viewer.claims, id, input.mentorId) : withdrawMentor(viewer.claims, id, input.mentorId),
  );
  if (outcome === "no_profile") return invalid({ mentorId: "mentoring.profiles.errors.cannotApprove" });
  return { errors: null, done: outcome === "approved" ? ("approvedDone" as const) : outcome === "withdrawn" ? ("withdrawnDone" as const) : ("unchanged" as const), email: null };
}

export default function ProgrammeMentors() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { programme, approved, candidates, invited } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const done = result && "done" in result ? result : null;
  return (
    <section className="page">
      <p>
        <Link to={`/manage/programmes/${programme.id}`}>{t("mentoring.profiles.programme.back")}</Link> ·{" "}
        <Link to={`/manage/programmes/${programme.id}/matching`}>{t("mentoring.profiles.programme.matchingLink")}</Link>
      </p>
      <p className="tag">{programme.orgName[locale]}</p>
      <h1>{t("mentoring.profiles.programme.title", { programme: programme.name[locale] })}</h1>
      <p>{t("mentoring.profiles.programme.lead")}</p>
      {done ? <FormMessage tone="success">{t(`mentoring.profiles.programme.${done.done}`, { email: done.email })}</FormMessage> : null}
      {errors.mentorId ? <FormMessage tone="error">{t(errors.mentorId)}</FormMessage> : null}

      <h2>{t("mentoring.profiles.programme.approved")}</h2>
      {approved.length === 0 ? (
        <p className="empty">{t("mentoring.profiles.programme.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("mentoring.profiles.programme.name")}</th>
                <th scope="col">{t("mentoring.profiles.programme.expertiseCol")}</th>
                <th scope="col">{t("mentoring.profiles.programme.capacity")}</th>
                <th scope="col">{t("mentoring.profiles.programme.action")}</th>
              </tr>
            </thead>
            <tbody>
              {approved.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{m.expertise.join(", ")}</td>
                  <td>
                    {m.load} / {m.maxStartups}
                  </td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="mentorId" value={m.id} />
                      <button type="submit" className="button secondary" aria-label={t("mentoring.profiles.programme.withdrawOne", { name: m.name })}>
                        {t("mentoring.profiles.programme.withdraw")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("mentoring.profiles.programme.candidates")}</h2>
      {candidates.length === 0 ? (
        <p className="empty">{t("mentoring.profiles.programme.noCandidates")}</p>
      ) : (
        <ul>
          {candidates.map((c) => (
            <li key={c.id}>
              {c.name}
              {c.hasProfile ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="mentorId" value={c.id} />{" "}
                  <button type="submit" className="button secondary" aria-label={t("mentoring.profiles.programme.approveOne", { name: c.name })}>
                    {t("mentoring.profiles.programme.approve")}
                  </button>
                </Form>
              ) : (
                <> · {t("mentoring.profiles.programme.noProfile")}</>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2>{t("mentoring.profiles.programme.invite")}</h2>
      <p>{t("mentoring.profiles.programme.inviteLead")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <Field name="email" type="email" autoComplete="off" label={t("mentoring.profiles.programme.email")} error={errors.email} />
        <button type="submit" className="button">
          {t("mentoring.profiles.programme.send")}
        </button>
      </Form>
      {invited.length > 0 ? (
        <>
          <h3>{t("mentoring.profiles.programme.openInvitations")}</h3>
          <ul>
            {invited.map((i) => (
              <li key={i.email}>{i.email}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("mentoring.profiles.programme.mode")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="mode" />
        <fieldset className="field" aria-describedby={errors.matchMode ? "matchMode-error" : undefined}>
          <legend>{t("mentoring.profiles.programme.mode")}</legend>
          {(["manager", "requests", "cohort"] as const).map((m) => (
            <label key={m} className="check">
              <input type="radio" name="matchMode" value={m} defaultChecked={programme.matchMode === m} />{" "}
              {t(`mentoring.profiles.programme.mode${m[0]!.toUpperCase()}${m.slice(1)}`)}
            </label>
          ))}
          {errors.matchMode ? (
            <p id="matchMode-error" className="field-error">
              {t(errors.matchMode)}
            </p>
          ) : null}
        </fieldset>
        <LabelledField
          name="requestDays"
          label={t("mentoring.profiles.programme.requestDays")}
          error={errors.requestDays}
          control={(aria) => <input {...aria} name="requestDays" type="number" min={1} max={60} defaultValue={programme.requestDays} />}
        />
        <button type="submit" className="button">
          {t("mentoring.profiles.programme.saveMode")}
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = RouteError;
