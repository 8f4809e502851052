import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type InvitationProps = { locale: MailLocale; inviter: string; org: string; role: string; url: string };

const copy = {
  vi: {
    subject: (p: InvitationProps) => `Lời mời tham gia ${p.org}`,
    body: (p: InvitationProps) => `${p.inviter} mời bạn tham gia ${p.org} với vai trò ${p.role}.`,
    how: "Hãy đăng nhập (hoặc tạo tài khoản) bằng địa chỉ email này rồi chấp nhận lời mời. Lời mời có hiệu lực trong 14 ngày.",
    action: "Xem lời mời",
  },
  en: {
    subject: (p: InvitationProps) => `Invitation to join ${p.org}`,
    body: (p: InvitationProps) => `${p.inviter} invited you to join ${p.org} as ${p.role}.`,
    how: "Sign in (or create an account) with this email address, then accept. The invitation is valid for 14 days.",
    action: "View the invitation",
  },
};

export const subject = (p: InvitationProps) => copy[p.locale].subject(p);

export default function Invitation(p: InvitationProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.body(p)}</Text>
      <Text>{c.how}</Text>
      <Action href={p.url}>
        {c.action}
      </Action>
    </Layout>
  );
}
