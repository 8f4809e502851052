import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptReviewerInvitation, viewReviewerInvitation } from "~/modules/applications/review/invitations.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { FormMessage } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import { routeStrings } from "~/platform/i18n/strings-client";

// A reviewer invited to one call (a guest judge) accepts here, signed in with the invited address,
// and lands on their review list.
export const meta: MetaFunction = () => [{ title: "Invitation to review · Lời mời đánh giá hồ sơ" }];

export const handle = routeStrings("review.invitation");
const validToken = (t: string | undefined) => !!t && t.length >= 20 && t.length <= 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const invitation = validToken(params.token) ? await viewReviewerInvitation(params.token!) : null;
  return { invitation, signedIn: !!viewer, locale: await resolveLocale(request, viewer) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!validToken(params.token)) return { outcome: "invalid" as const };
  const outcome = await acceptReviewerInvitation(viewer.claims, params.token!);
  if (outcome === "accepted") throw redirect("/review");
  return { outcome };
}

export default function ReviewerInvitationPage() {
  const { t } = useTranslation();
  const { invitation, signedIn, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const here = useLocation().pathname;
  if (!invitation || result?.outcome === "invalid") {
    return (
      <section className="page narrow">
        <h1>{t("review.invitation.title")}</h1>
        <FormMessage tone="error">{t("review.invitation.invalid")}</FormMessage>
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>{t("review.invitation.title")}</h1>
      <p>{t("review.invitation.lead", { inviter: invitation.inviter, call: invitation.call[locale], org: invitation.org[locale] })}</p>
      <p>{t("review.invitation.scope")}</p>
      {result?.outcome === "wrong_account" ? <FormMessage tone="error">{t("review.invitation.wrongAccount", { email: invitation.email })}</FormMessage> : null}
      {signedIn ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("review.invitation.accept")}
          </button>
        </Form>
      ) : (
        <p>
          {t("review.invitation.signInFirst", { email: invitation.email })}{" "}
          <Link to={`/auth/sign-in?redirectTo=${encodeURIComponent(here)}`}>{t("nav.signIn")}</Link> ·{" "}
          <Link to={`/auth/sign-up?redirectTo=${encodeURIComponent(here)}`}>{t("nav.signUp")}</Link>
        </p>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
