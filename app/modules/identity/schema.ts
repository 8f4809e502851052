import { z } from "zod";
import { isTimeZone } from "~/platform/i18n/format";
import { MEMBER_ROLES } from "./member-roles";

// One schema per form, shared by the browser (react-hook-form) and the action (the authority).
// Messages are i18n keys; the form translates them into the viewer's language.
const email = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"))
  .transform((v) => v.toLowerCase());

// bcrypt reads at most 72 bytes; refuse longer rather than silently truncate.
const newPassword = z
  .string({ error: "validation.required" })
  .min(10, "validation.passwordTooShort")
  .refine((v) => new TextEncoder().encode(v).length <= 72, "validation.passwordTooLong");

const name = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(120, "validation.tooLong");

export const SignUpSchema = z.object({ displayName: name, email, password: newPassword });
export const SignInSchema = z.object({
  email,
  password: z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong"),
});
export const ForgotSchema = z.object({ email });
export const ResetSchema = z.object({ token: z.string().min(10).max(200), password: newPassword });
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong"),
  password: newPassword,
});

export const LocaleSchema = z.enum(["vi", "en"], { error: "validation.language" });

export const ProfileSchema = z.object({
  displayName: name,
  locale: LocaleSchema,
  // A single checked box arrives as a string, none as nothing.
  languages: z.preprocess(
    (v) => (v == null || v === false ? [] : Array.isArray(v) ? v : [v]),
    z.array(LocaleSchema).min(1, "validation.language").max(2),
  ),
  timeZone: z
    .string({ error: "validation.timeZone" })
    .max(64, "validation.timeZone")
    .refine(isTimeZone, "validation.timeZone"),
  bio: z.string().trim().max(1000, "validation.tooLong").default(""),
});

export const InviteSchema = z.object({ email, role: z.enum(MEMBER_ROLES, { error: "validation.role" }) });

export type SignUpInput = z.infer<typeof SignUpSchema>;
export type ProfileInput = z.infer<typeof ProfileSchema>;
export type InviteInput = z.infer<typeof InviteSchema>;

// The directory's kinds and query string, without zod: the directory page imports them (decision 008).
export { ORG_KINDS, directoryQuery } from "./directory-query";
export { MEMBER_ROLES };
