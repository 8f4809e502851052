import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

// To a startup's founders: a mentor declined their request, or let it run out, and where it went next.
export type MentorRequestUpdateProps = {
  locale: MailLocale;
  outcome: "declined" | "expired";
  mentor: string;
  /** the next choice now asked, or null when the list is used up */
  next: string | null;
  url: string;
};

const copy = {
  vi: {
    subject: (p: MentorRequestUpdateProps) => (p.outcome === "declined" ? `${p.mentor} đã từ chối lời mời cố vấn` : `${p.mentor} chưa trả lời lời mời cố vấn`),
    body: (p: MentorRequestUpdateProps) =>
      (p.outcome === "declined" ? `${p.mentor} đã từ chối lời mời của bạn.` : `${p.mentor} không trả lời trong thời hạn.`) +
      (p.next ? ` Lời mời đã được gửi tới lựa chọn tiếp theo của bạn: ${p.next}.` : " Danh sách lựa chọn của bạn đã hết; hãy chọn cố vấn khác."),
    action: "Xem cố vấn",
  },
  en: {
    subject: (p: MentorRequestUpdateProps) => (p.outcome === "declined" ? `${p.mentor} declined your mentoring request` : `${p.mentor} did not answer your mentoring request`),
    body: (p: MentorRequestUpdateProps) =>
      (p.outcome === "declined" ? `${p.mentor} declined your request.` : `${p.mentor} did not answer in time.`) +
      (p.next ? ` Your request has gone to your next choice: ${p.next}.` : " Your list of choices is used up; please choose other mentors."),
    action: "See mentors",
  },
};

export const subject = (p: MentorRequestUpdateProps) => copy[p.locale].subject(p);

export default function MentorRequestUpdate(p: MentorRequestUpdateProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.body(p)}</Text>
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
