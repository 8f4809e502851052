import { hashToken, newToken } from "~/platform/auth/tokens.server";
import { ForbiddenError, NotFoundError, pgCode } from "~/platform/db/errors.server";
import { asService, asServiceWithin, asUser, type Claims } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import type { Locale } from "~/platform/i18n/i18n";
import { enqueueMail } from "~/platform/mail/outbox.server";

const VALID_DAYS = 14;

/**
 * A founder invites a co-founder by email. Inviting the same address again renews and re-sends
 * the open invitation. The mail goes in the invitee's language when they have an account, else
 * in the inviter's. Not found when the viewer is not a member of the startup.
 */
export async function inviteCofounder(claims: Claims, slug: string, email: string, inviterLocale: Locale): Promise<void> {
  const { token, hash } = newToken();
  return asUser(claims, async (tx) => {
    const [startup] = await tx<{ id: string; name: string; inviter: string | null }[]>`
      select s.id, s.name, (select display_name from public.profiles where id = ${claims.sub}) as inviter
        from public.startups s where s.slug = ${slug} and public.is_startup_member(s.id)`;
    if (!startup) throw new NotFoundError();
    await tx`
      insert into public.startup_invitations (startup_id, email, token_hash, invited_by, expires_at)
      values (${startup.id}, ${email}, ${hash}, ${claims.sub}, now() + make_interval(days => ${VALID_DAYS}))
      on conflict (startup_id, email) where accepted_at is null
      do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at, invited_by = excluded.invited_by`;
    // The invitee's language is not the inviter's to read: the service reads it.
    const [known] = await asServiceWithin(
      tx,
      (t) => t<{ locale: Locale }[]>`select p.locale from auth.users u join public.profiles p on p.id = u.id where u.email = ${email}`,
    );
    const locale = known?.locale ?? inviterLocale;
    await enqueueMail(tx, email, "startup-invitation", {
      locale,
      inviter: startup.inviter ?? claims.email,
      startup: startup.name,
      url: `${env().APP_URL}/startup-invitations/${token}`,
    });
  });
}

export type CofounderInvitationView = { email: string; startupName: string; startupSlug: string; inviter: string };

/** What the invitation link shows; the token is the right to see it (read through the service). */
export async function viewCofounderInvitation(token: string): Promise<CofounderInvitationView | null> {
  const [row] = await asService(
    (t) => t<CofounderInvitationView[]>`
        select i.email, s.name as "startupName", s.slug as "startupSlug", coalesce(p.display_name, '') as inviter
          from public.startup_invitations i
          join public.startups s on s.id = i.startup_id
          left join public.profiles p on p.id = i.invited_by
         where i.token_hash = ${hashToken(token)} and i.accepted_at is null and i.expires_at > now()`,
  );
  return row ?? null;
}

export async function acceptCofounderInvitation(claims: Claims, token: string): Promise<"accepted" | "invalid" | "wrong_account"> {
  try {
    await asUser(claims, (tx) => tx`select public.accept_startup_invitation(${hashToken(token)})`);
    return "accepted";
  } catch (error) {
    if (error instanceof ForbiddenError || pgCode(error) === "42501") return "wrong_account";
    if (pgCode(error) === "P0002") return "invalid";
    throw error;
  }
}
