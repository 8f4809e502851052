import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type ApplicationDecisionProps = {
  locale: MailLocale;
  startup: string;
  call: string;
  code: string;
  decision: "accepted" | "waitlisted" | "rejected";
  /** The call's message template for this decision, in the recipient's language; empty for none. */
  message: string;
  /** The offer's deadline, formatted in the call's time zone, with the zone named; accepted only. */
  deadline: string | null;
  feedbackReleased: boolean;
  url: string;
};

const copy = {
  vi: {
    subject: (p: ApplicationDecisionProps) => `Kết quả hồ sơ của ${p.startup}: ${p.call}`,
    outcome: {
      accepted: (p: ApplicationDecisionProps) => `Hồ sơ ${p.code} của ${p.startup} đã được chấp nhận.`,
      waitlisted: (p: ApplicationDecisionProps) => `Hồ sơ ${p.code} của ${p.startup} được đưa vào danh sách chờ.`,
      rejected: (p: ApplicationDecisionProps) => `Hồ sơ ${p.code} của ${p.startup} chưa được chọn.`,
    },
    confirm: (deadline: string) => `Hãy xác nhận tham gia trước ${deadline}. Sau thời hạn này, suất tham gia sẽ hết hiệu lực.`,
    feedback: "Nhận xét của hội đồng đánh giá đã có trên trang hồ sơ của bạn.",
    actionConfirm: "Xác nhận tham gia",
    action: "Xem hồ sơ",
  },
  en: {
    subject: (p: ApplicationDecisionProps) => `Decision on ${p.startup}'s application: ${p.call}`,
    outcome: {
      accepted: (p: ApplicationDecisionProps) => `Application ${p.code} of ${p.startup} has been accepted.`,
      waitlisted: (p: ApplicationDecisionProps) => `Application ${p.code} of ${p.startup} is on the waiting list.`,
      rejected: (p: ApplicationDecisionProps) => `Application ${p.code} of ${p.startup} was not selected.`,
    },
    confirm: (deadline: string) => `Please confirm your place by ${deadline}. After that the offer lapses.`,
    feedback: "The reviewers' feedback is now on your application's page.",
    actionConfirm: "Confirm your place",
    action: "View the application",
  },
};

export const subject = (p: ApplicationDecisionProps) => copy[p.locale].subject(p);

export default function ApplicationDecision(p: ApplicationDecisionProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.outcome[p.decision](p)}</Text>
      {p.message ? <Text style={{ whiteSpace: "pre-line" }}>{p.message}</Text> : null}
      {p.decision === "accepted" && p.deadline ? <Text>{c.confirm(p.deadline)}</Text> : null}
      {p.feedbackReleased ? <Text>{c.feedback}</Text> : null}
      <Action href={p.url}>
        {p.decision === "accepted" ? c.actionConfirm : c.action}
      </Action>
    </Layout>
  );
}
