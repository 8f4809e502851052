import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type ApplicationSubmittedProps = {
  locale: MailLocale;
  name: string;
  startup: string;
  call: string;
  code: string;
  submittedAt: string;
  url: string;
};

const copy = {
  vi: {
    subject: (p: ApplicationSubmittedProps) => `Đã nhận hồ sơ của ${p.startup}: ${p.call}`,
    hello: (p: ApplicationSubmittedProps) => `Xin chào ${p.name},`,
    body: (p: ApplicationSubmittedProps) => `Chúng tôi đã nhận hồ sơ của ${p.startup} vào đợt "${p.call}" lúc ${p.submittedAt}. Mã hồ sơ: ${p.code}.`,
    next: "Hồ sơ sẽ được sàng lọc và đánh giá. Bạn sẽ nhận thư khi hồ sơ chuyển vòng và khi có kết quả; trạng thái luôn có trên trang hồ sơ.",
    action: "Xem hồ sơ và trạng thái",
  },
  en: {
    subject: (p: ApplicationSubmittedProps) => `Application received from ${p.startup}: ${p.call}`,
    hello: (p: ApplicationSubmittedProps) => `Hello ${p.name},`,
    body: (p: ApplicationSubmittedProps) => `We received ${p.startup}'s application to "${p.call}" on ${p.submittedAt}. Reference: ${p.code}.`,
    next: "It will now be screened and reviewed. You will get a mail when it moves stage and when it is decided; its status is always on the application page.",
    action: "View the application and its status",
  },
};

export const subject = (p: ApplicationSubmittedProps) => copy[p.locale].subject(p);

export default function ApplicationSubmitted(p: ApplicationSubmittedProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.hello(p)}</Text>
      <Text>{c.body(p)}</Text>
      <Text>{c.next}</Text>
      <Action href={p.url}>
        {c.action}
      </Action>
    </Layout>
  );
}
