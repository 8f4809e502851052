import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type ResetPasswordProps = { locale: MailLocale; name: string; url: string };

const copy = {
  vi: {
    subject: "Đặt lại mật khẩu",
    hello: (n: string) => `Xin chào ${n},`,
    body: "Có người (hy vọng là bạn) đã yêu cầu đặt lại mật khẩu. Liên kết có hiệu lực trong 1 giờ và chỉ dùng được một lần.",
    action: "Chọn mật khẩu mới",
    ignore: "Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.",
  },
  en: {
    subject: "Reset your password",
    hello: (n: string) => `Hello ${n},`,
    body: "Someone (hopefully you) asked to reset your password. The link works for 1 hour and only once.",
    action: "Choose a new password",
    ignore: "If you did not ask for this, ignore this mail: your password stays the same.",
  },
};

export const subject = (p: ResetPasswordProps) => copy[p.locale].subject;

export default function ResetPassword(p: ResetPasswordProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject} heading={c.subject}>
      <Text>{c.hello(p.name)}</Text>
      <Text>{c.body}</Text>
      <Action href={p.url}>
        {c.action}
      </Action>
      <Text>{c.ignore}</Text>
    </Layout>
  );
}
