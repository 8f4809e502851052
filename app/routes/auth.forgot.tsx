import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestPasswordReset } from "~/modules/identity/accounts.server";
import { ForgotSchema } from "~/modules/identity/schema";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("auth.forgotTitle");

export const handle = routeStrings("auth", "pager", "validation");

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(await readForm(request), ForgotSchema);
  if (!form.ok) return invalid(form.errors);
  await requestPasswordReset(form.data.email);
  return { errors: null, sentTo: form.data.email };
}

export default function Forgot() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const form = useFlatForm(() => import("~/modules/identity/schema").then((m) => m.ForgotSchema), errors);
  return (
    <section className="page narrow">
      <h1>{t("auth.forgotTitle")}</h1>
      {result && "sentTo" in result ? (
        <FormMessage tone="success">{t("auth.resetSent", { email: result.sentTo })}</FormMessage>
      ) : (
        <>
          <p>{t("auth.forgotLead")}</p>
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <Field name="email" type="email" label={t("auth.email")} autoComplete="email" register={form.register} error={form.errorOf("email")} required />
            <button type="submit" className="button">
              {t("auth.sendResetLink")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
