import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptCofounderInvitation, viewCofounderInvitation } from "~/modules/startups/invitations.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { FormMessage } from "~/ui/form";
import { withRedirect } from "~/ui/redirect";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("startups.cofounder.title");

export const handle = routeStrings("startups");

const validToken = (t: string | undefined) => !!t && t.length >= 20 && t.length <= 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const invitation = validToken(params.token) ? await viewCofounderInvitation(params.token!) : null;
  return { invitation, signedIn: !!viewer };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!validToken(params.token)) return { outcome: "invalid" as const, startup: null };
  const invitation = await viewCofounderInvitation(params.token!);
  const outcome = await acceptCofounderInvitation(viewer.claims, params.token!);
  return { outcome, startup: invitation ? { name: invitation.startupName, slug: invitation.startupSlug } : null };
}

export default function CofounderInvitation() {
  const { t } = useTranslation();
  const { invitation, signedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  if (result?.outcome === "accepted" && result.startup) {
    return (
      <section className="page narrow">
        <h1>{t("startups.cofounder.title")}</h1>
        <FormMessage tone="success">{t("startups.cofounder.accepted", { startup: result.startup.name })}</FormMessage>
        <p>
          <Link to={`/startups/${result.startup.slug}`}>{result.startup.name}</Link>
        </p>
      </section>
    );
  }
  if (!invitation || result?.outcome === "invalid") {
    return (
      <section className="page narrow">
        <h1>{t("startups.cofounder.title")}</h1>
        <FormMessage tone="error">{t("startups.cofounder.invalid")}</FormMessage>
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>{t("startups.cofounder.title")}</h1>
      <p>{t("startups.cofounder.lead", { inviter: invitation.inviter, startup: invitation.startupName })}</p>
      {result?.outcome === "wrong_account" ? <FormMessage tone="error">{t("startups.cofounder.wrongAccount", { email: invitation.email })}</FormMessage> : null}
      {signedIn ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("startups.cofounder.accept")}
          </button>
        </Form>
      ) : (
        <p>
          {t("startups.cofounder.signInFirst", { email: invitation.email })}{" "}
          <Link to={withRedirect("/auth/sign-in", location.pathname)}>{t("nav.signIn")}</Link> ·{" "}
          <Link to={withRedirect("/auth/sign-up", location.pathname)}>{t("nav.signUp")}</Link>
        </p>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
