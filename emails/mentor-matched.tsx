import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

// To both sides when a mentoring begins: a manager assigned it, published a cohort-wide
// assignment, or the mentor accepted a startup's request.
export type MentorMatchedProps = {
  locale: MailLocale;
  /** whom the mail is for: the mentor, or a founder of the startup */
  side: "mentor" | "founder";
  mentor: string;
  startup: string;
  programme: string;
  url: string;
};

const copy = {
  vi: {
    subject: (p: MentorMatchedProps) => (p.side === "mentor" ? `Bạn sẽ cố vấn cho ${p.startup}` : `${p.mentor} là cố vấn của ${p.startup}`),
    body: (p: MentorMatchedProps) =>
      p.side === "mentor"
        ? `Trong chương trình ${p.programme}, bạn đã được ghép làm cố vấn cho ${p.startup}. Nhóm sáng lập sẽ đặt lịch buổi gặp đầu tiên theo giờ rảnh bạn đã công bố.`
        : `Trong chương trình ${p.programme}, ${p.mentor} đã được ghép làm cố vấn cho ${p.startup}. Bạn có thể đặt lịch buổi gặp theo giờ rảnh của cố vấn.`,
    action: (p: MentorMatchedProps) => (p.side === "mentor" ? "Xem hồ sơ cố vấn" : "Xem cố vấn của bạn"),
  },
  en: {
    subject: (p: MentorMatchedProps) => (p.side === "mentor" ? `You will mentor ${p.startup}` : `${p.mentor} is ${p.startup}'s mentor`),
    body: (p: MentorMatchedProps) =>
      p.side === "mentor"
        ? `In ${p.programme}, you have been matched as the mentor of ${p.startup}. Its founders will book a first session in the hours you have published.`
        : `In ${p.programme}, ${p.mentor} has been matched as ${p.startup}'s mentor. You can book a session in the mentor's free hours.`,
    action: (p: MentorMatchedProps) => (p.side === "mentor" ? "Open your mentor profile" : "See your mentors"),
  },
};

export const subject = (p: MentorMatchedProps) => copy[p.locale].subject(p);

export default function MentorMatched(p: MentorMatchedProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.body(p)}</Text>
      <Action href={p.url}>{c.action(p)}</Action>
    </Layout>
  );
}
