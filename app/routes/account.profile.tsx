import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getProfile, updateProfile } from "~/modules/identity/profile.server";
import { ProfileSchema } from "~/modules/identity/schema";
import { localeCookie } from "~/platform/auth/cookie.server";
import { requireViewer } from "~/platform/auth/guards.server";
import { invalid, oversizeFile, parseForm, readForm } from "~/platform/http/form.server";
import { zoneOptions } from "~/platform/i18n/format";
import { useLocale } from "~/ui/locale";
import { saveFile, sniffImage } from "~/platform/storage/files.server";
import { Field, FormMessage, useFlatForm } from "~/ui/form";
import { titled } from "~/ui/title";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("profile.title");

export const handle = routeStrings("auth", "pager", "profile", "validation");

const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const profile = await getProfile(viewer.claims);
  return { profile, userId: viewer.id, email: viewer.email };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  if (oversizeFile(form, MAX_PHOTO_BYTES)) return invalid({ photo: "validation.imageTooBig" });
  const parsed = parseForm(form, ProfileSchema);
  const photo = form.get("photo");
  let photoBytes: Uint8Array | null = null;
  let image: ReturnType<typeof sniffImage> = null;
  if (photo instanceof File && photo.size > 0) {
    photoBytes = new Uint8Array(await photo.arrayBuffer());
    image = sniffImage(photoBytes);
  }
  const errors = { ...(parsed.ok ? {} : parsed.errors), ...(photoBytes && !image ? { photo: "validation.image" } : {}) };
  if (!parsed.ok || Object.keys(errors).length > 0) return invalid(errors);
  const avatarPath = photoBytes && image ? await saveFile("avatars", image.ext, photoBytes) : undefined;
  await updateProfile(viewer.claims, parsed.data, avatarPath);
  return data({ errors: null, saved: true }, { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) } });
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { profile, userId, email } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const form = useFlatForm(() => import("~/modules/identity/schema").then((m) => m.ProfileSchema), errors);
  return (
    <section className="page narrow">
      <h1>{t("profile.title")}</h1>
      <p>{email}</p>
      {result && "saved" in result ? <FormMessage tone="success">{t("profile.saved")}</FormMessage> : null}
      {errors ? <FormMessage tone="error">{t("validation.formErrors")}</FormMessage> : null}
      {profile.avatarPath ? (
        <img className="avatar" src={`/files/avatars/${userId}`} alt={t("profile.photoAlt", { name: profile.displayName })} width={96} height={96} />
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={form.onSubmit}>
        <Field name="displayName" label={t("profile.displayName")} defaultValue={profile.displayName} register={form.register} error={form.errorOf("displayName")} required />
        <Field name="photo" type="file" accept="image/jpeg,image/png,image/webp" label={t("profile.photo")} error={form.errorOf("photo")} />
        <fieldset className="field">
          <legend>{t("profile.languages")}</legend>
          {(["vi", "en"] as const).map((l) => (
            <label key={l} className="check">
              <input type="checkbox" value={l} defaultChecked={profile.languages.includes(l)} {...form.register("languages")} /> {t(`profile.${l}`)}
            </label>
          ))}
          {form.errorOf("languages") ? <p className="field-error">{t(form.errorOf("languages")!)}</p> : null}
        </fieldset>
        <div className="field">
          <label htmlFor="field-locale">{t("profile.locale")}</label>
          <select id="field-locale" defaultValue={profile.locale} {...form.register("locale")}>
            <option value="vi">{t("profile.vi")}</option>
            <option value="en">{t("profile.en")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="field-timeZone">{t("profile.timeZone")}</label>
          <select id="field-timeZone" defaultValue={profile.timeZone} {...form.register("timeZone")}>
            {zoneOptions(locale).map((z) => (
              <option key={z.value} value={z.value}>
                {z.label}
              </option>
            ))}
          </select>
          {form.errorOf("timeZone") ? <p className="field-error">{t(form.errorOf("timeZone")!)}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="field-bio">{t("profile.bio")}</label>
          <textarea id="field-bio" rows={4} maxLength={1000} defaultValue={profile.bio} {...form.register("bio")} />
          {form.errorOf("bio") ? <p className="field-error">{t(form.errorOf("bio")!)}</p> : null}
        </div>
        <button type="submit" className="button">
          {t("profile.save")}
        </button>
      </Form>
      <p>
        <Link to="/account/password">{t("auth.changePasswordTitle")}</Link>
      </p>
    </section>
  );
}
