import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { verifyEmail } from "~/modules/identity/accounts.server";
import { cookieJar } from "~/platform/auth/cookie-jar.server";
import { safeRedirect } from "~/platform/auth/guards.server";
import { readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("auth.verifyTitle");

export const handle = routeStrings("auth", "pager", "validation");

// The link from the mail opens this page; the button confirms. A GET never changes state, so
// mail scanners that prefetch links cannot use up the token.
export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

// Verifying signs the person in and lands them where they signed up from (an invitation), else home.
export async function action({ request, context }: ActionFunctionArgs) {
  const token = (await readForm(request)).get("token");
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return { failed: true };
  const cookies = cookieJar(request);
  const verified = await verifyEmail(token, { ip: context.clientIp, userAgent: request.headers.get("user-agent") ?? "" }, cookies);
  if (!verified) return { failed: true };
  throw redirect(safeRedirect(verified.next, "/?verified=1"), { headers: cookies.headers });
}

export default function Verify() {
  const { t } = useTranslation();
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow">
      <h1>{t("auth.verifyTitle")}</h1>
      {result?.failed ? (
        <>
          <FormMessage tone="error">{t("auth.verifyFailed")}</FormMessage>
          <p>
            <Link to="/auth/sign-up">{t("nav.signUp")}</Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            {t("auth.verifySubmit")}
          </button>
        </Form>
      )}
    </section>
  );
}
