import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signIn } from "~/modules/identity/accounts.server";
import { SignInSchema } from "~/modules/identity/schema";
import { cookieJar } from "~/platform/auth/cookie-jar.server";
import { requireAnonymous, safeRedirect } from "~/platform/auth/guards.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { withRedirect } from "~/ui/redirect";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("auth.signInTitle");

export const handle = routeStrings("auth", "pager", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readForm(request);
  const form = parseForm(formData, SignInSchema);
  if (!form.ok) return invalid(form.errors);
  const cookies = cookieJar(request);
  const result = await signIn({ ...form.data, ip: context.clientIp, userAgent: request.headers.get("user-agent") ?? "" }, cookies);
  if (!result.ok) {
    const message = result.reason === "locked" ? "auth.locked" : result.reason === "not_verified" ? "auth.notVerified" : "auth.invalidCredentials";
    const minutes = result.reason === "locked" ? result.minutes : 0;
    if (result.reason === "locked") {
      return data({ errors: null, message, minutes }, { status: 429, headers: { "Retry-After": String(minutes * 60) } });
    }
    return data({ errors: null, message, minutes }, { status: 401 });
  }
  throw redirect(safeRedirect(formData.get("redirectTo")), { headers: cookies.headers });
}

export default function SignIn() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors ?? undefined;
  const form = useFlatForm(() => import("~/modules/identity/schema").then((m) => m.SignInSchema), errors);
  const message = result && "minutes" in result ? t(result.message, { count: result.minutes }) : null;
  return (
    <section className="page narrow">
      <h1>{t("auth.signInTitle")}</h1>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {params.get("verified") ? <FormMessage tone="success">{t("auth.verified")}</FormMessage> : null}
      {params.get("reset") ? <FormMessage tone="success">{t("auth.resetDone")}</FormMessage> : null}
      {params.get("unlocked") ? <FormMessage tone="success">{t("auth.unlocked")}</FormMessage> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field name="email" type="email" label={t("auth.email")} autoComplete="email" register={form.register} error={form.errorOf("email")} required />
        <Field name="password" type="password" label={t("auth.password")} autoComplete="current-password" register={form.register} error={form.errorOf("password")} required />
        <button type="submit" className="button" disabled={form.isSubmitting}>
          {t("auth.submitSignIn")}
        </button>
      </Form>
      <p>
        <Link to="/auth/forgot">{t("auth.forgot")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to={withRedirect("/auth/sign-up", params.get("redirectTo"))}>{t("nav.signUp")}</Link>
      </p>
    </section>
  );
}
