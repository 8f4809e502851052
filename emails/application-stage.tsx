import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type Stage = "screening" | "review" | "interview" | "decision";
export type ApplicationStageProps = { locale: MailLocale; startup: string; call: string; code: string; stage: Stage; url: string };

const stages = {
  vi: { screening: "Sàng lọc", review: "Đánh giá", interview: "Phỏng vấn", decision: "Quyết định" },
  en: { screening: "Screening", review: "Review", interview: "Interview", decision: "Decision" },
};

const copy = {
  vi: {
    subject: (p: ApplicationStageProps) => `Hồ sơ ${p.startup} chuyển sang vòng ${stages.vi[p.stage]}`,
    body: (p: ApplicationStageProps) =>
      `Hồ sơ ${p.code} của ${p.startup} trong đợt “${p.call}” đã chuyển sang vòng ${stages.vi[p.stage]}.`,
    how: "Bạn có thể xem tiến trình hồ sơ bất cứ lúc nào.",
    action: "Xem hồ sơ",
  },
  en: {
    subject: (p: ApplicationStageProps) => `${p.startup}'s application moved to ${stages.en[p.stage]}`,
    body: (p: ApplicationStageProps) => `Application ${p.code} of ${p.startup} to “${p.call}” moved to the ${stages.en[p.stage]} stage.`,
    how: "You can follow your application's timeline at any time.",
    action: "View the application",
  },
};

export const subject = (p: ApplicationStageProps) => copy[p.locale].subject(p);

export default function ApplicationStage(p: ApplicationStageProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.body(p)}</Text>
      <Text>{c.how}</Text>
      <Action href={p.url}>
        {c.action}
      </Action>
    </Layout>
  );
}
