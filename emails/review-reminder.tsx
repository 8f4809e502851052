import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type ReviewReminderProps = { locale: MailLocale; name: string; call: string; pending: number; url: string };

const copy = {
  vi: {
    subject: (p: ReviewReminderProps) => `Nhắc nhở: còn ${p.pending} hồ sơ chờ bạn đánh giá (${p.call})`,
    greeting: (p: ReviewReminderProps) => `Chào ${p.name},`,
    body: (p: ReviewReminderProps) => `Bạn còn ${p.pending} hồ sơ của đợt “${p.call}” chưa chấm điểm. Ban tổ chức cần kết quả để xếp hạng và ra quyết định.`,
    how: "Bạn có thể chấm điểm, bỏ qua hoặc khai báo xung đột lợi ích cho từng hồ sơ.",
    action: "Mở danh sách đánh giá",
  },
  en: {
    subject: (p: ReviewReminderProps) => `Reminder: ${p.pending} application(s) await your review (${p.call})`,
    greeting: (p: ReviewReminderProps) => `Hello ${p.name},`,
    body: (p: ReviewReminderProps) => `You have ${p.pending} application(s) of “${p.call}” still to review. The organisers need your scores to rank and decide.`,
    how: "For each application you can score, abstain or declare a conflict of interest.",
    action: "Open my reviews",
  },
};

export const subject = (p: ReviewReminderProps) => copy[p.locale].subject(p);

export default function ReviewReminder(p: ReviewReminderProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.greeting(p)}</Text>
      <Text>{c.body(p)}</Text>
      <Text>{c.how}</Text>
      <Action href={p.url}>
        {c.action}
      </Action>
    </Layout>
  );
}
