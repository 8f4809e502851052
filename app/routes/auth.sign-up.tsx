import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signUp } from "~/modules/identity/accounts.server";
import { SignUpSchema } from "~/modules/identity/schema";
import { requireAnonymous, safeRedirect } from "~/platform/auth/guards.server";
import { getViewer } from "~/platform/auth/viewer.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { resolveLocale } from "~/platform/i18n/locale.server";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { withRedirect } from "~/ui/redirect";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("auth.signUpTitle");

export const handle = routeStrings("auth", "pager", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readForm(request);
  const form = parseForm(formData, SignUpSchema);
  if (!form.ok) return invalid(form.errors);
  const locale = await resolveLocale(request, await getViewer(request));
  // Signing up from an invitation keeps it: the verified person lands back on it.
  const next = safeRedirect(formData.get("redirectTo"), "");
  const result = await signUp(form.data, locale, next || undefined);
  if (!result.ok) return invalid({ email: "auth.emailTaken" });
  return { errors: null, sentTo: form.data.email };
}

export default function SignUp() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo");
  const errors = result && "errors" in result && result.errors ? result.errors : undefined;
  const form = useFlatForm(() => import("~/modules/identity/schema").then((m) => m.SignUpSchema), errors);
  if (result && "sentTo" in result) {
    return (
      <section className="page narrow">
        <h1>{t("auth.checkEmailTitle")}</h1>
        <FormMessage tone="success">{t("auth.checkEmail", { email: result.sentTo })}</FormMessage>
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>{t("auth.signUpTitle")}</h1>
      {errors ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field name="displayName" label={t("auth.displayName")} autoComplete="name" register={form.register} error={form.errorOf("displayName")} required />
        <Field name="email" type="email" label={t("auth.email")} autoComplete="email" register={form.register} error={form.errorOf("email")} required />
        <Field name="password" type="password" label={t("auth.password")} autoComplete="new-password" hint={t("validation.passwordTooShort")} register={form.register} error={form.errorOf("password")} required />
        <button type="submit" className="button" disabled={form.isSubmitting}>
          {t("auth.submitSignUp")}
        </button>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to={withRedirect("/auth/sign-in", redirectTo)}>{t("nav.signIn")}</Link>
      </p>
    </section>
  );
}
