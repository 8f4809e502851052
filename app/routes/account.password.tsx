import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changePassword } from "~/modules/identity/accounts.server";
import { ChangePasswordSchema } from "~/modules/identity/schema";
import { cookieJar } from "~/platform/auth/cookie-jar.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("auth.changePasswordTitle");

export const handle = routeStrings("auth", "pager", "validation");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), ChangePasswordSchema);
  if (!form.ok) return invalid(form.errors);
  const cookies = cookieJar(request);
  const changed = await changePassword(viewer.id, viewer.claims.session_id, form.data.currentPassword, form.data.password, { ip: context.clientIp, cookies });
  if (!changed.ok && changed.reason === "locked") {
    const retry = String(changed.minutes * 60);
    return data({ errors: null, locked: changed.minutes }, { status: 429, headers: { "Retry-After": retry } });
  }
  if (!changed.ok) return invalid({ currentPassword: "auth.wrongCurrentPassword" });
  // Supabase rewrites its session cookie when the user changes; the local provider sets none.
  return data({ errors: null, changed: true as const }, { headers: cookies.headers });
}

export default function ChangePassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const form = useFlatForm(() => import("~/modules/identity/schema").then((m) => m.ChangePasswordSchema), errors);
  return (
    <section className="page narrow">
      <h1>{t("auth.changePasswordTitle")}</h1>
      {result && "changed" in result ? <FormMessage tone="success">{t("auth.passwordChanged")}</FormMessage> : null}
      {result && "locked" in result ? <FormMessage tone="error">{t("auth.lockedChange", { count: result.locked })}</FormMessage> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <Field name="currentPassword" type="password" label={t("auth.currentPassword")} autoComplete="current-password" register={form.register} error={form.errorOf("currentPassword")} required />
        <Field name="password" type="password" label={t("auth.newPassword")} autoComplete="new-password" hint={t("validation.passwordTooShort")} register={form.register} error={form.errorOf("password")} required />
        <button type="submit" className="button">
          {t("auth.changePasswordSubmit")}
        </button>
      </Form>
    </section>
  );
}
