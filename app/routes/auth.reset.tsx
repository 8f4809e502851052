import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isResetTokenValid, resetPassword } from "~/modules/identity/accounts.server";
import { ResetSchema } from "~/modules/identity/schema";
import { cookieJar } from "~/platform/auth/cookie-jar.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("auth.resetTitle");

export const handle = routeStrings("auth", "pager", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = token.length >= 20 && token.length <= 200 && (await isResetTokenValid(token));
  return { token: valid ? token : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(await readForm(request), ResetSchema);
  if (!form.ok) return invalid(form.errors);
  const cookies = cookieJar(request);
  if (!(await resetPassword(form.data.token, form.data.password, cookies))) return { errors: null, expired: true };
  // Every session of the account ended with the reset, this browser's included.
  throw redirect("/auth/sign-in?reset=1", { headers: cookies.headers });
}

export default function Reset() {
  const { t } = useTranslation();
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const form = useFlatForm(() => import("~/modules/identity/schema").then((m) => m.ResetSchema), errors);
  if (!token || (result && "expired" in result)) {
    return (
      <section className="page narrow">
        <h1>{t("auth.resetTitle")}</h1>
        <FormMessage tone="error">{t("auth.resetInvalid")}</FormMessage>
        <p>
          <Link to="/auth/forgot">{t("auth.forgot")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>{t("auth.resetTitle")}</h1>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" {...form.register("token")} value={token} />
        <Field name="password" type="password" label={t("auth.newPassword")} autoComplete="new-password" hint={t("validation.passwordTooShort")} register={form.register} error={form.errorOf("password")} required />
        <button type="submit" className="button">
          {t("auth.resetSubmit")}
        </button>
      </Form>
    </section>
  );
}
