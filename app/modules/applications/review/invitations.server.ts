import { hashToken, newToken } from "~/platform/auth/tokens.server";
import { ForbiddenError, pgCode } from "~/platform/db/errors.server";
import { asService, asServiceWithin, asUser, type Claims, type Tx } from "~/platform/db/transaction.server";
import { env } from "~/platform/env.server";
import { enqueueMail } from "~/platform/mail/outbox.server";
import { managedCall, type ManagedCall } from "../managed-call.server";
import { displayNames } from "../people.server";
import type { Bilingual, Locale } from "~/platform/i18n/i18n";

// Reviewers invited from a call's reviewers tab: a member of the organisation added to the call,
// or anyone by address, who becomes a guest judge of this call only once they accept
// (migration 20261201200100_call_reviewers.sql holds the rules: RLS, the accept function, and the
// trigger that keeps a guest's assignments inside their call).

const VALID_DAYS = 14;

/** A call's reviewer pool: the organisation's reviewers and the people added to this call. */
export const reviewerPool = (tx: Tx, call: Pick<ManagedCall, "id" | "orgId">) => tx`
  select m.user_id from public.memberships m where m.org_id = ${call.orgId} and m.role = 'reviewer'
  union
  select r.user_id from public.call_reviewers r where r.call_id = ${call.id}`;

export type InvitePanel = {
  /** Members of the organisation not yet in the pool, who can be added at once. */
  members: { id: string; name: string }[];
  /** Invitations sent and not yet accepted. */
  invitations: { email: string; expiresAt: string; expired: boolean }[];
};

/** What the reviewers tab offers for inviting, read in the page's transaction after its guard. */
export async function invitePanel(tx: Tx, call: ManagedCall): Promise<InvitePanel> {
  const [row] = await tx<{ members: string[]; invitations: InvitePanel["invitations"] }[]>`
    select coalesce((select array_agg(distinct m.user_id) from public.memberships m
                      where m.org_id = ${call.orgId} and m.user_id not in (${reviewerPool(tx, call)})), '{}') as members,
           coalesce((select json_agg(json_build_object('email', i.email, 'expiresAt', i.expires_at, 'expired', i.expires_at <= now())
                                     order by i.created_at desc)
                       from public.reviewer_invitations i where i.call_id = ${call.id} and i.accepted_at is null), '[]') as invitations`;
  const names = await displayNames(tx, row!.members);
  const members = row!.members.map((id) => ({ id, name: names[id] ?? "—" })).sort((a, b) => a.name.localeCompare(b.name));
  return { members, invitations: row!.invitations };
}

export type AddOutcome = "added" | "already" | "not_member";

/** A member of the organisation joins the call's pool; RLS refuses anyone else (call_reviewers_insert). */
export function addMemberReviewer(claims: Claims, callId: string, userId: string): Promise<AddOutcome> {
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const [member] = await tx<{ ok: boolean }[]>`select public.call_org_member(${call.id}, ${userId}) as ok`;
    if (!member?.ok) return "not_member";
    const added = await tx`
      insert into public.call_reviewers (call_id, user_id, guest, added_by) values (${call.id}, ${userId}, false, ${claims.sub})
      on conflict (call_id, user_id) do nothing`;
    return added.count === 1 ? "added" : "already";
  });
}

export type InviteOutcome = "invited" | "already_invited" | "already_reviewer";

/**
 * Invites an address to review this call. One open invitation per address and call (a unique
 * index): inviting again while one is open sends nothing more, so two managers clicking at once
 * make one invitation and one mail; an expired one is renewed and sent again. The mail is in the
 * invitee's language when they have an account, else in both (the inviter's first).
 */
export function inviteReviewer(claims: Claims, callId: string, email: string, inviterLocale: Locale): Promise<InviteOutcome> {
  const { token, hash } = newToken();
  return asUser(claims, async (tx) => {
    const call = await managedCall(tx, callId);
    const person = await accountOf(tx, email);
    if (person) {
      const [inPool] = await tx<{ yes: boolean }[]>`select ${person.id}::uuid in (${reviewerPool(tx, call)}) as yes`;
      if (inPool?.yes) return "already_reviewer";
    }
    const sent = await tx`
      insert into public.reviewer_invitations as i (call_id, email, token_hash, invited_by, expires_at)
      values (${call.id}, ${email}, ${hash}, ${claims.sub}, now() + make_interval(days => ${VALID_DAYS}))
      on conflict (call_id, email) where accepted_at is null
      do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at, invited_by = excluded.invited_by
       where i.expires_at <= now()
      returning i.id`;
    if (sent.length === 0) return "already_invited";
    const [inviter] = await displayNamesOf(tx, claims);
    const first = person?.locale ?? inviterLocale;
    await enqueueMail(tx, email, "reviewer-invitation", {
      locale: first,
      // an unknown invitee gets both languages; a known one, theirs
      both: !person,
      inviter: inviter ?? claims.email,
      call: call.title,
      org: await orgName(tx, call),
      days: VALID_DAYS,
      url: `${env().APP_URL}/reviewer-invitations/${token}`,
    });
    return "invited";
  });
}

const displayNamesOf = async (tx: Tx, claims: Claims) => Object.values(await displayNames(tx, [claims.sub]));

async function orgName(tx: Tx, call: ManagedCall): Promise<Bilingual> {
  const [row] = await tx<{ name: Bilingual }[]>`
    select json_build_object('vi', name_vi, 'en', name_en) as name from public.organisations where id = ${call.orgId}`;
  return row?.name ?? call.programmeName;
}

/** The account behind an address, if any, and its language (the manager may not read auth.users). */
async function accountOf(tx: Tx, email: string): Promise<{ id: string; locale: Locale } | null> {
  const [row] = await asServiceWithin(
    tx,
    (t) => t<{ id: string; locale: Locale }[]>`
      select u.id, coalesce(p.locale, 'vi') as locale from auth.users u left join public.profiles p on p.id = u.id
       where lower(u.email) = ${email}`,
  );
  return row ?? null;
}

export type ReviewerInvitationView = { email: string; call: Bilingual; org: Bilingual; inviter: string };

/** What the invitation link shows. The token itself is the right to see it. */
export async function viewReviewerInvitation(token: string): Promise<ReviewerInvitationView | null> {
  const [row] = await asService(
    (tx) => tx<ReviewerInvitationView[]>`
      select i.email, json_build_object('vi', c.title_vi, 'en', c.title_en) as call,
             json_build_object('vi', o.name_vi, 'en', o.name_en) as org, coalesce(pr.display_name, '') as inviter
        from public.reviewer_invitations i
        join public.calls c on c.id = i.call_id
        join public.programs p on p.id = c.program_id
        join public.organisations o on o.id = p.org_id
        left join public.profiles pr on pr.id = i.invited_by
       where i.token_hash = ${hashToken(token)} and i.accepted_at is null and i.expires_at > now()`,
  );
  return row ?? null;
}

/** The signed-in invitee accepts; the database checks the address (accept_reviewer_invitation). */
export async function acceptReviewerInvitation(claims: Claims, token: string): Promise<"accepted" | "invalid" | "wrong_account"> {
  try {
    await asUser(claims, (tx) => tx`select public.accept_reviewer_invitation(${hashToken(token)})`);
    return "accepted";
  } catch (error) {
    if (error instanceof ForbiddenError || pgCode(error) === "42501") return "wrong_account";
    if (pgCode(error) === "P0002") return "invalid";
    throw error;
  }
}
