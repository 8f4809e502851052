import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type WelcomeProps = { locale: MailLocale; name: string; url: string };

const copy = {
  vi: {
    subject: "Chào mừng đến Vùng Đổi mới Sáng tạo Bình Dương",
    hello: (n: string) => `Xin chào ${n},`,
    body: "Email của bạn đã được xác minh. Từ đây bạn có thể nộp hồ sơ vào chương trình ươm tạo, gặp cố vấn, tham dự diễn đàn và đặt phòng.",
    action: "Mở trang chủ",
  },
  en: {
    subject: "Welcome to the Binh Duong Innovation Region",
    hello: (n: string) => `Hello ${n},`,
    body: "Your email is verified. From here you can apply to incubation programmes, meet mentors, join forums and book rooms.",
    action: "Open your home page",
  },
};

export const subject = (p: WelcomeProps) => copy[p.locale].subject;

export default function Welcome(p: WelcomeProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject} heading={c.subject}>
      <Text>{c.hello(p.name)}</Text>
      <Text>{c.body}</Text>
      <Action href={p.url}>
        {c.action}
      </Action>
    </Layout>
  );
}
