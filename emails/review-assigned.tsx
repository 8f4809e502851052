import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type ReviewAssignedProps = {
  locale: MailLocale;
  name: string;
  call: string;
  /** Applications newly assigned to this reviewer. */
  count: number;
  /** The call's review due date, formatted in the call's time zone with the zone named; null for none. */
  due: string | null;
  url: string;
};

const copy = {
  vi: {
    subject: (p: ReviewAssignedProps) => `Bạn được phân công đánh giá ${p.count} hồ sơ (${p.call})`,
    greeting: (p: ReviewAssignedProps) => `Chào ${p.name},`,
    body: (p: ReviewAssignedProps) => `Ban tổ chức đợt “${p.call}” vừa phân công cho bạn ${p.count} hồ sơ để đánh giá.`,
    due: (due: string) => `Vui lòng hoàn thành trước ${due}.`,
    how: "Với mỗi hồ sơ, bạn có thể chấm điểm, bỏ qua hoặc khai báo xung đột lợi ích.",
    action: "Mở danh sách đánh giá",
  },
  en: {
    subject: (p: ReviewAssignedProps) =>
      `You have been assigned ${p.count === 1 ? "1 application" : `${p.count} applications`} to review (${p.call})`,
    greeting: (p: ReviewAssignedProps) => `Hello ${p.name},`,
    body: (p: ReviewAssignedProps) =>
      `The organisers of “${p.call}” have assigned you ${p.count === 1 ? "1 application" : `${p.count} applications`} to review.`,
    due: (due: string) => `Please complete your reviews by ${due}.`,
    how: "For each application you can score, abstain or declare a conflict of interest.",
    action: "Open my reviews",
  },
};

export const subject = (p: ReviewAssignedProps) => copy[p.locale].subject(p);

export default function ReviewAssigned(p: ReviewAssignedProps) {
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
