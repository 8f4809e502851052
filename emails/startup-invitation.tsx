import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type StartupInvitationProps = { locale: MailLocale; inviter: string; startup: string; url: string };

const copy = {
  vi: {
    subject: (p: StartupInvitationProps) => `Lời mời đồng sáng lập ${p.startup}`,
    body: (p: StartupInvitationProps) => `${p.inviter} mời bạn tham gia ${p.startup} với vai trò nhà đồng sáng lập.`,
    how: "Hãy đăng nhập (hoặc tạo tài khoản) bằng địa chỉ email này rồi chấp nhận lời mời. Lời mời có hiệu lực trong 14 ngày.",
    action: "Xem lời mời",
  },
  en: {
    subject: (p: StartupInvitationProps) => `Invitation to co-found ${p.startup}`,
    body: (p: StartupInvitationProps) => `${p.inviter} invited you to join ${p.startup} as a co-founder.`,
    how: "Sign in (or create an account) with this email address, then accept. The invitation is valid for 14 days.",
    action: "View the invitation",
  },
};

export const subject = (p: StartupInvitationProps) => copy[p.locale].subject(p);

export default function StartupInvitation(p: StartupInvitationProps) {
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
