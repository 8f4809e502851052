import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptInvitation, viewInvitation } from "~/modules/identity/invitations.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { FormMessage } from "~/ui/form";
import { withRedirect } from "~/ui/redirect";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("invitation.title");

export const handle = routeStrings("invitation", "pager", "roles", "validation");

const validToken = (t: string | undefined) => !!t && t.length >= 20 && t.length <= 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const invitation = validToken(params.token) ? await viewInvitation(params.token!) : null;
  return { invitation, signedIn: !!viewer, locale: await resolveLocale(request, viewer) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!validToken(params.token)) return { outcome: "invalid" as const, org: null };
  const invitation = await viewInvitation(params.token!);
  const outcome = await acceptInvitation(viewer.claims, params.token!);
  return { outcome, org: invitation ? (viewer.locale === "vi" ? invitation.orgVi : invitation.orgEn) : null, role: invitation?.role, slug: invitation?.orgSlug };
}

export default function InvitationPage() {
  const { t } = useTranslation();
  const { invitation, signedIn, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  if (result?.outcome === "accepted") {
    return (
      <section className="page narrow">
        <h1>{t("invitation.title")}</h1>
        <FormMessage tone="success">{t("invitation.accepted", { org: result.org, role: t(`roles.${result.role}`) })}</FormMessage>
        <p>
          <Link to={`/orgs/${result.slug}`}>{result.org}</Link>
        </p>
      </section>
    );
  }
  if (!invitation || result?.outcome === "invalid") {
    return (
      <section className="page narrow">
        <h1>{t("invitation.title")}</h1>
        <FormMessage tone="error">{t("invitation.invalid")}</FormMessage>
      </section>
    );
  }
  const org = locale === "vi" ? invitation.orgVi : invitation.orgEn;
  return (
    <section className="page narrow">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.lead", { inviter: invitation.inviter, org, role: t(`roles.${invitation.role}`) })}</p>
      {result?.outcome === "wrong_account" ? <FormMessage tone="error">{t("invitation.wrongAccount")}</FormMessage> : null}
      {signedIn ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("invitation.accept")}
          </button>
        </Form>
      ) : (
        <p>
          {t("invitation.signInFirst", { email: invitation.email })}{" "}
          <Link to={withRedirect("/auth/sign-in", location.pathname)}>{t("nav.signIn")}</Link> ·{" "}
          <Link to={withRedirect("/auth/sign-up", location.pathname)}>{t("nav.signUp")}</Link>
        </p>
      )}
    </section>
  );
}
