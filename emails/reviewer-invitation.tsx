import { Hr, Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type ReviewerInvitationProps = {
  locale: MailLocale;
  /** Both languages (the invitee's is unknown: no account yet), `locale` first. */
  both: boolean;
  inviter: string;
  call: { vi: string; en: string };
  org: { vi: string; en: string };
  days: number;
  url: string;
};

const copy = {
  vi: {
    subject: (p: ReviewerInvitationProps) => `Lời mời đánh giá hồ sơ: ${p.call.vi}`,
    body: (p: ReviewerInvitationProps) =>
      `${p.inviter} mời bạn làm giám khảo đánh giá hồ sơ của đợt “${p.call.vi}” (${p.org.vi}).`,
    scope: "Bạn chỉ thấy các hồ sơ của đợt này được giao cho bạn.",
    how: (p: ReviewerInvitationProps) =>
      `Hãy đăng nhập (hoặc tạo tài khoản) bằng địa chỉ email này rồi chấp nhận lời mời; bạn sẽ đến ngay danh sách hồ sơ cần đánh giá. Lời mời có hiệu lực trong ${p.days} ngày.`,
    action: "Xem lời mời",
  },
  en: {
    subject: (p: ReviewerInvitationProps) => `Invitation to review applications: ${p.call.en}`,
    body: (p: ReviewerInvitationProps) => `${p.inviter} invited you to judge the applications of “${p.call.en}” (${p.org.en}).`,
    scope: "You will see only the applications of this call assigned to you.",
    how: (p: ReviewerInvitationProps) =>
      `Sign in (or create an account) with this email address, then accept; you land on your list of reviews. The invitation is valid for ${p.days} days.`,
    action: "View the invitation",
  },
};

const other = (l: MailLocale): MailLocale => (l === "vi" ? "en" : "vi");

export const subject = (p: ReviewerInvitationProps) =>
  p.both ? `${copy[p.locale].subject(p)} · ${copy[other(p.locale)].subject(p)}` : copy[p.locale].subject(p);

function Part({ p, locale }: { p: ReviewerInvitationProps; locale: MailLocale }) {
  const c = copy[locale];
  return (
    <div lang={locale}>
      <Text>{c.body(p)}</Text>
      <Text>{c.scope}</Text>
      <Text>{c.how(p)}</Text>
      <Action href={p.url}>{c.action}</Action>
    </div>
  );
}

export default function ReviewerInvitation(p: ReviewerInvitationProps) {
  return (
    <Layout locale={p.locale} preview={subject(p)} heading={copy[p.locale].subject(p)}>
      <Part p={p} locale={p.locale} />
      {p.both ? (
        <>
          <Hr />
          <Part p={p} locale={other(p.locale)} />
        </>
      ) : null}
    </Layout>
  );
}
