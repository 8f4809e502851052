import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

export type OfferLapsedProps = {
  locale: MailLocale;
  startup: string;
  call: string;
  code: string;
  /** The deadline that passed, formatted in the call's time zone, with the zone named. */
  deadline: string;
  url: string;
};

const copy = {
  vi: {
    subject: (p: OfferLapsedProps) => `Lời mời tham gia ${p.call} đã hết hạn`,
    body: (p: OfferLapsedProps) =>
      `Hồ sơ ${p.code} của ${p.startup} đã được chấp nhận, nhưng lời mời chưa được xác nhận trước hạn ${p.deadline} nên đã hết hiệu lực.`,
    contact: "Nếu bạn vẫn muốn tham gia, hãy liên hệ với ban quản lý chương trình.",
    action: "Xem hồ sơ",
  },
  en: {
    subject: (p: OfferLapsedProps) => `Your offer for ${p.call} has lapsed`,
    body: (p: OfferLapsedProps) =>
      `Application ${p.code} of ${p.startup} was accepted, but the offer was not confirmed by ${p.deadline}, so it has lapsed.`,
    contact: "If you still wish to join, please contact the programme's managers.",
    action: "View the application",
  },
};

export const subject = (p: OfferLapsedProps) => copy[p.locale].subject(p);

export default function OfferLapsed(p: OfferLapsedProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.body(p)}</Text>
      <Text>{c.contact}</Text>
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
