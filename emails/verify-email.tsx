import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type VerifyEmailProps = { locale: MailLocale; name: string; url: string };

const copy = {
  vi: {
    subject: "Xác minh địa chỉ email của bạn",
    hello: (n: string) => `Xin chào ${n},`,
    body: "Hãy xác minh địa chỉ email để bắt đầu dùng Vùng Đổi mới Sáng tạo Bình Dương. Liên kết có hiệu lực trong 24 giờ.",
    action: "Xác minh email",
    ignore: "Nếu bạn không tạo tài khoản, hãy bỏ qua thư này.",
  },
  en: {
    subject: "Verify your email address",
    hello: (n: string) => `Hello ${n},`,
    body: "Verify your email address to start using the Binh Duong Innovation Region. The link works for 24 hours.",
    action: "Verify email",
    ignore: "If you did not create an account, ignore this mail.",
  },
};

export const subject = (p: VerifyEmailProps) => copy[p.locale].subject;

export default function VerifyEmail(p: VerifyEmailProps) {
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
