import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type ReviewReminderProps = {
  locale: MailLocale;
  name: string;
  call: string;
  pending: number;
  url: string;
  /** Set by the scheduled reminders: the due date, formatted in the call's zone, and whether it passed. */
  due?: { at: string; overdue: boolean } | null;
};

const applicationsEn = (n: number) => (n === 1 ? "1 application" : `${n} applications`);

const copy = {
  vi: {
    subject: (p: ReviewReminderProps) =>
      p.due?.overdue
        ? `Đã quá hạn: còn ${p.pending} hồ sơ chờ bạn đánh giá (${p.call})`
        : `Nhắc nhở: còn ${p.pending} hồ sơ chờ bạn đánh giá (${p.call})`,
    greeting: (p: ReviewReminderProps) => `Chào ${p.name},`,
    body: (p: ReviewReminderProps) => `Bạn còn ${p.pending} hồ sơ của đợt “${p.call}” chưa chấm điểm. Ban tổ chức cần kết quả để xếp hạng và ra quyết định.`,
    due: (d: { at: string; overdue: boolean }) => (d.overdue ? `Hạn đánh giá (${d.at}) đã qua.` : `Hạn đánh giá là ${d.at}.`),
    how: "Bạn có thể chấm điểm, bỏ qua hoặc khai báo xung đột lợi ích cho từng hồ sơ.",
    action: "Mở danh sách đánh giá",
  },
  en: {
    subject: (p: ReviewReminderProps) =>
      p.due?.overdue
        ? `Overdue: ${applicationsEn(p.pending)} still await your review (${p.call})`
        : `Reminder: ${applicationsEn(p.pending)} await your review (${p.call})`,
    greeting: (p: ReviewReminderProps) => `Hello ${p.name},`,
    body: (p: ReviewReminderProps) => `You have ${applicationsEn(p.pending)} of “${p.call}” still to review. The organisers need your scores to rank and decide.`,
    due: (d: { at: string; overdue: boolean }) => (d.overdue ? `Reviews were due by ${d.at}.` : `Reviews are due by ${d.at}.`),
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
      {p.due ? <Text>{c.due(p.due)}</Text> : null}
      <Text>{c.how}</Text>
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
