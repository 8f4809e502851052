import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { verifyEmail } from "~/modules/identity/accounts.server";
import { readForm } from "~/platform/http/form.server";
import { FormMessage } from "~/ui/form";

// The link from the mail opens this page; the button confirms. A GET never changes state, so
// mail scanners that prefetch links cannot use up the token.
export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = (await readForm(request)).get("token");
  if (typeof token === "string" && token.length >= 20 && token.length <= 200 && (await verifyEmail(token))) {
    throw redirect("/auth/sign-in?verified=1");
  }
  return { failed: true };
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
