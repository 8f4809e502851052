import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { FieldErrors } from "~/platform/http/form.server";
import type { InvitePanel } from "./invitations.server";

// The reviewers tab's invitation forms: a member of the organisation, or anyone by email (a guest
// judge of this call only). Plain forms: the action is the authority and answers field errors.

export function InviteReviewers({ panel, errors, locale, timeZone }: { panel: InvitePanel; errors?: FieldErrors; locale: "vi" | "en"; timeZone: string }) {
  const { t } = useTranslation();
  const fieldError = (name: string) =>
    errors?.[name] ? (
      <p id={`${name}-error`} className="field-error">
        {t(errors[name])}
      </p>
    ) : null;
  const described = (name: string) => (errors?.[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  return (
    <>
      <h2>{t("select.reviewers.invite.title")}</h2>
      <p>{t("select.reviewers.invite.lead")}</p>
      {panel.members.length === 0 ? (
        <p className="hint">{t("select.reviewers.invite.noMembers")}</p>
      ) : (
        <Form method="post" className="filters">
          <input type="hidden" name="intent" value="addMember" />
          <div className="field">
            <label htmlFor="field-userId">{t("select.reviewers.invite.member")}</label>
            <select id="field-userId" name="userId" defaultValue="" {...described("userId")}>
              <option value="" disabled>
                {t("select.reviewers.invite.chooseMember")}
              </option>
              {panel.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            {fieldError("userId")}
          </div>
          <button type="submit" className="button secondary">
            {t("select.reviewers.invite.add")}
          </button>
        </Form>
      )}
      {/* noValidate: the action checks the address and answers in the viewer's language */}
      <Form method="post" className="filters" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <div className="field">
          <label htmlFor="field-email">{t("select.reviewers.invite.email")}</label>
          <input id="field-email" name="email" type="email" autoComplete="off" required {...described("email")} />
          {fieldError("email")}
        </div>
        <button type="submit" className="button">
          {t("select.reviewers.invite.send")}
        </button>
      </Form>
      {panel.invitations.length > 0 ? (
        <>
          <h3>{t("select.reviewers.invite.pending")}</h3>
          <ul>
            {panel.invitations.map((i) => (
              <li key={i.email}>
                {i.email} ·{" "}
                {i.expired
                  ? t("select.reviewers.invite.expired")
                  : t("select.reviewers.invite.expires", { date: formatDateTime(i.expiresAt, locale, timeZone) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
