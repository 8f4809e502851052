import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type SignInUnlockProps = { locale: MailLocale; name: string; url: string; ip: string; minutes: number };

const copy = {
  vi: {
    subject: "Đăng nhập vào tài khoản của bạn đang bị tạm dừng",
    hello: (n: string) => `Xin chào ${n},`,
    body: (ip: string) =>
      `Có nhiều lần đăng nhập sai vào tài khoản của bạn (gần nhất từ địa chỉ ${ip}), nên chúng tôi tạm dừng đăng nhập từ nơi đó.`,
    you: (m: number) =>
      `Nếu đó là bạn, hãy mở liên kết này trên trình duyệt bạn dùng: trình duyệt đó sẽ đăng nhập được bằng mật khẩu của bạn ngay cả khi đăng nhập đang tạm dừng. Liên kết có hiệu lực trong ${m} phút và chỉ dùng được một lần.`,
    action: "Cho phép trình duyệt này đăng nhập",
    notYou:
      "Nếu không phải bạn, không cần làm gì: người khác không thể dùng liên kết này nếu không đọc được thư của bạn. Nếu mật khẩu của bạn yếu hoặc đã dùng ở nơi khác, hãy đổi mật khẩu.",
  },
  en: {
    subject: "Sign-ins to your account are paused",
    hello: (n: string) => `Hello ${n},`,
    body: (ip: string) =>
      `Someone failed to sign in to your account many times (most recently from the address ${ip}), so we paused sign-ins from there.`,
    you: (m: number) =>
      `If that was you, open this link in the browser you use: that browser can then sign in with your password while sign-ins are paused. The link works for ${m} minutes and only once.`,
    action: "Let this browser sign in",
    notYou:
      "If it was not you, there is nothing to do: nobody can use this link without reading your mail. If your password is weak or used elsewhere too, change it.",
  },
};

export const subject = (p: SignInUnlockProps) => copy[p.locale].subject;

export default function SignInUnlock(p: SignInUnlockProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject} heading={c.subject}>
      <Text>{c.hello(p.name)}</Text>
      <Text>{c.body(p.ip)}</Text>
      <Text>{c.you(p.minutes)}</Text>
      <Action href={p.url}>{c.action}</Action>
      <Text>{c.notYou}</Text>
    </Layout>
  );
}
