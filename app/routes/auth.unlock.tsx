import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { unlockDevice } from "~/modules/identity/accounts.server";
import { cookieJar } from "~/platform/auth/cookie-jar.server";
import { readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("auth.unlockTitle");

export const handle = routeStrings("auth", "pager", "validation");

// The link mailed while sign-ins to an account are paused opens this page; the button uses it.
// A GET never changes state, so mail scanners that prefetch links cannot use up the token.
export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = (await readForm(request)).get("token");
  const cookies = cookieJar(request);
  if (typeof token === "string" && token.length >= 20 && token.length <= 200 && (await unlockDevice(token, cookies))) {
    throw redirect("/auth/sign-in?unlocked=1", { headers: cookies.headers });
  }
  return { failed: true };
}

export default function Unlock() {
  const { t } = useTranslation();
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow">
      <h1>{t("auth.unlockTitle")}</h1>
      {result?.failed ? (
        <>
          <FormMessage tone="error">{t("auth.unlockFailed")}</FormMessage>
          <p>
            <Link to="/auth/sign-in">{t("nav.signIn")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("auth.unlockLead")}</p>
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button">
              {t("auth.unlockSubmit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
