import { hashToken, newToken } from "~/platform/auth/tokens.server";
import { ForbiddenError, NotFoundError } from "~/platform/db/errors.server";
import { pgCode } from "~/platform/db/errors.server";
import { asService, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { tFor, type Locale } from "~/platform/i18n/i18n";
import { enqueueMail } from "~/platform/mail/outbox.server";
import type { InviteInput } from "./schema";
// The mail names the role in the invitee's language: the role names are this capability's strings.
import "./strings";

const VALID_DAYS = 14;

/**
 * A manager invites someone by email. Inviting the same person to the same role again renews
 * the open invitation and re-sends it rather than creating a second one. The mail goes out in
 * the invitee's language when they have an account, else in the inviter's.
 */
/** `also` runs in the invitation's transaction, after it is written (a capability's audit row). */
export async function invite(claims: Claims, orgId: string, input: InviteInput, inviterLocale: Locale, also?: (tx: Tx) => Promise<void>) {
  const { token, hash } = newToken();
  return asUser(claims, async (tx) => {
    const [org] = await tx<{ name_vi: string; name_en: string; can_manage: boolean }[]>`
      select name_vi, name_en, public.has_org_role(id, '{manager}') or public.is_platform_admin() as can_manage
        from public.organisations where id = ${orgId}`;
    if (!org) throw new NotFoundError();
    if (!org.can_manage) throw new ForbiddenError();
    await tx`
      insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at)
      values (${orgId}, ${input.email}, ${input.role}, ${hash}, ${claims.sub}, now() + make_interval(days => ${VALID_DAYS}))
      on conflict (org_id, email, role) where accepted_at is null
      do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at, invited_by = excluded.invited_by`;
    const [inviter] = await tx<{ display_name: string }[]>`select display_name from public.profiles where id = ${claims.sub}`;
    const locale = (await recipientLocale(input.email)) ?? inviterLocale;
    await enqueueMail(tx, input.email, "invitation", {
      locale,
      inviter: inviter?.display_name ?? claims.email,
      org: locale === "vi" ? org.name_vi : org.name_en,
      role: tFor(locale)(`roles.${input.role}`),
      url: `${env().APP_URL}/invitations/${token}`,
    });
    if (also) await also(tx);
  });
}

/** The invitee's chosen language, read through the service path: the inviter may not see their profile. */
async function recipientLocale(email: string): Promise<Locale | undefined> {
  const [row] = await asService(
    (tx) => tx<{ locale: Locale }[]>`
      select p.locale from auth.users u join public.profiles p on p.id = u.id where u.email = ${email}`,
  );
  return row?.locale;
}

export type InvitationView = { email: string; role: string; orgSlug: string; orgVi: string; orgEn: string; inviter: string };

/** What the invitation link shows. The token itself is the right to see it. */
export async function viewInvitation(token: string): Promise<InvitationView | null> {
  const [row] = await asService(
    (tx) => tx<InvitationView[]>`
      select i.email, i.role, o.slug as "orgSlug", o.name_vi as "orgVi", o.name_en as "orgEn",
             coalesce(p.display_name, '') as inviter
        from public.invitations i
        join public.organisations o on o.id = i.org_id
        left join public.profiles p on p.id = i.invited_by
       where i.token_hash = ${hashToken(token)} and i.accepted_at is null and i.expires_at > now()`,
  );
  return row ?? null;
}

export async function acceptInvitation(claims: Claims, token: string): Promise<"accepted" | "invalid" | "wrong_account"> {
  try {
    await asUser(claims, (tx) => tx`select public.accept_invitation(${hashToken(token)})`);
    return "accepted";
  } catch (error) {
    if (error instanceof ForbiddenError || pgCode(error) === "42501") return "wrong_account";
    if (pgCode(error) === "P0002") return "invalid";
    throw error;
  }
}
