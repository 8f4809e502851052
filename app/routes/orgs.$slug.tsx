import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { invite } from "~/modules/identity/invitations.server";
import { organisationForPost, organisationPage, ROSTER_PAGE_SIZE } from "~/modules/identity/organisations.server";
import { MEMBER_ROLES } from "~/modules/identity/member-roles";
import { InviteSchema } from "~/modules/identity/schema";
import { decideAffiliation } from "~/modules/startups/affiliation.server";
import { AffiliationDecisionSchema } from "~/modules/startups/schema";
import { requireViewer } from "~/platform/auth/guards.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { formatDate } from "~/platform/i18n/format";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { Pager, pageParam } from "~/ui/pager";
import { RouteError } from "~/ui/route-error";
import { repeatedT, textWith } from "~/ui/repeated-text";
import { SpaceList } from "~/modules/spaces/space-list";
import { titled } from "~/ui/title";
import type { SerializeFrom } from "@remix-run/node";
import { NotFoundError } from "~/platform/db/errors.server";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled<SerializeFrom<typeof loader>>((_t, d) => d.org.name);

export const handle = routeStrings("apply.errors", "orgKinds", "orgs", "pager", "roles", "spaces", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const pages = { members: pageParam(url), invites: pageParam(url, "invites") };
  // the organisation in the viewer's language only: switching language is a post, after which this runs again
  const locale = await resolveLocale(request, viewer);
  const page = await organisationPage(viewer?.claims ?? null, params.slug ?? "", pages, locale);
  return {
    ...page,
    pageSize: ROSTER_PAGE_SIZE,
    locale,
    timeZone: viewer?.timeZone ?? "Asia/Ho_Chi_Minh",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const body = await readForm(request);
  // the organisation (not found first, whatever the form) and the one request decided, not the whole page
  if (body.get("intent") === "affiliation") {
    const decision = parseForm(body, AffiliationDecisionSchema);
    const org = await organisationForPost(viewer.claims, params.slug ?? "", decision.ok ? decision.data.startupId : null);
    if (!decision.ok || !org.pending) throw new NotFoundError();
    await decideAffiliation(viewer.claims, org.pending.startupId, decision.data.decision === "confirm");
    return { errors: null, decided: { name: org.pending.name, confirmed: decision.data.decision === "confirm" } };
  }
  const form = parseForm(body, InviteSchema);
  const org = await organisationForPost(viewer.claims, params.slug ?? "", null);
  if (!form.ok) return invalid(form.errors);
  await withOutcomes(() => invite(viewer.claims, org.id, form.data, viewer.locale));
  return { errors: null, invited: form.data.email };
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { org, spaces, members, invites, affiliations, pageSize, canManage, isMember, locale, timeZone } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const form = useFlatForm(() => import("~/modules/identity/schema").then((m) => m.InviteSchema), errors);
  // up to 100 rows name a role: each role's word translated once
  const once = repeatedT(t);
  const roleName = (role: string) => once(`roles.${role}`);
  // and "expires {{date}}" once, each row's date put in its place
  const expires = textWith(t, "orgs.expires", "date");
  return (
    <section className="page">
      <h1>{org.name}</h1>
      <p className="tag">{t(`orgKinds.${org.kind}`)}</p>
      <p>{org.description}</p>
      {spaces.length > 0 ? (
        <>
          <h2>{t("spaces.title")}</h2>
          <SpaceList spaces={spaces} locale={locale} />
        </>
      ) : null}
      <h2>{t("orgs.members")}</h2>
      {isMember || canManage ? (
        members.total === 0 ? (
          <p className="empty">{t("orgs.noMembers")}</p>
        ) : (
          <>
            <p>{t("orgs.memberCount", { count: members.total })}</p>
            <ul className="list">
              {members.rows.map((m, i) => (
                <li key={i}>
                  {m.displayName} · {roleName(m.role)}
                </li>
              ))}
            </ul>
            <Pager page={members.page} pageSize={pageSize} total={members.total} search={search} label={t("orgs.memberPages")} />
          </>
        )
      ) : (
        <p className="empty">{t("orgs.membersOnly")}</p>
      )}
      {canManage ? (
        <>
          <h2>{t("orgs.pending")}</h2>
          {invites.total === 0 ? (
            <p className="empty">{t("orgs.noPending")}</p>
          ) : (
            <>
              <p>{t("orgs.pendingCount", { count: invites.total })}</p>
              <ul className="list">
                {invites.rows.map((i) => (
                  <li key={`${i.email}-${i.role}`}>
                    {i.email} · {roleName(i.role)} ·{" "}
                    {expires(formatDate(i.expiresAt, locale, timeZone))}
                  </li>
                ))}
              </ul>
              <Pager page={invites.page} pageSize={pageSize} total={invites.total} search={search} param="invites" label={t("orgs.pendingPages")} />
            </>
          )}
          <h2>{t("orgs.affiliations")}</h2>
          <p>{t("orgs.affiliationsLead")}</p>
          {result && "decided" in result && result.decided ? (
            <FormMessage tone="success">{t(result.decided.confirmed ? "orgs.affiliationConfirmed" : "orgs.affiliationDeclined", { name: result.decided.name })}</FormMessage>
          ) : null}
          {affiliations.length === 0 ? (
            <p className="empty">{t("orgs.noAffiliations")}</p>
          ) : (
            <ul className="list">
              {affiliations.map((a) => (
                <li key={a.startupId}>
                  <a href={`/startups/${a.slug}`}>{a.name}</a>{" "}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="affiliation" />
                    <input type="hidden" name="startupId" value={a.startupId} />
                    <button type="submit" name="decision" value="confirm" className="button" aria-label={`${t("orgs.confirmAffiliation")}: ${a.name}`}>
                      {t("orgs.confirmAffiliation")}
                    </button>{" "}
                    <button type="submit" name="decision" value="decline" className="button secondary" aria-label={`${t("orgs.declineAffiliation")}: ${a.name}`}>
                      {t("orgs.declineAffiliation")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <h2>{t("orgs.invite")}</h2>
          {result && "invited" in result ? <FormMessage tone="success">{t("orgs.invited", { email: result.invited })}</FormMessage> : null}
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <Field name="email" type="email" label={t("orgs.inviteEmail")} register={form.register} error={form.errorOf("email")} required />
            <div className="field">
              <label htmlFor="field-role">{t("orgs.inviteRole")}</label>
              <select id="field-role" {...form.register("role")} defaultValue="staff">
                {MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("orgs.sendInvite")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = RouteError;
