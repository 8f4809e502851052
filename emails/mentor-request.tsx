import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

// To a mentor: a startup of a programme asks them to mentor it, and until when they can answer.
export type MentorRequestProps = {
  locale: MailLocale;
  startup: string;
  programme: string;
  /** the last moment to answer, in the mentor's time zone, with the zone named */
  due: string;
  url: string;
};

const copy = {
  vi: {
    subject: (p: MentorRequestProps) => `${p.startup} mời bạn làm cố vấn`,
    body: (p: MentorRequestProps) => `${p.startup}, khởi nghiệp trong chương trình ${p.programme}, mời bạn làm cố vấn. Vui lòng nhận lời hoặc từ chối trước ${p.due}; sau thời hạn này lời mời sẽ chuyển sang lựa chọn tiếp theo của họ.`,
    action: "Trả lời lời mời",
  },
  en: {
    subject: (p: MentorRequestProps) => `${p.startup} asks you to mentor them`,
    body: (p: MentorRequestProps) => `${p.startup}, a startup of ${p.programme}, asks you to be its mentor. Please accept or decline by ${p.due}; after that the request moves on to its next choice.`,
    action: "Answer the request",
  },
};

export const subject = (p: MentorRequestProps) => copy[p.locale].subject(p);

export default function MentorRequest(p: MentorRequestProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.body(p)}</Text>
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
