import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

// A seat freed up for someone on a ticket type's waitlist: it is held for them until the deadline.
export type EventWaitlistOfferProps = {
  locale: MailLocale;
  name: string;
  event: string;
  ticketType: string;
  /** the offer's deadline in the event's time zone, with the zone named */
  deadline: string;
  url: string;
};

const copy = {
  vi: {
    subject: (p: EventWaitlistOfferProps) => `Đã có chỗ cho bạn: ${p.event}`,
    greeting: (p: EventWaitlistOfferProps) => `Chào ${p.name},`,
    body: (p: EventWaitlistOfferProps) => `Một chỗ ${p.ticketType} của ${p.event} vừa trống và đang được giữ cho bạn đến ${p.deadline}.`,
    after: "Sau thời hạn đó, chỗ sẽ được chuyển cho người tiếp theo trong danh sách chờ.",
    action: "Đăng ký ngay",
  },
  en: {
    subject: (p: EventWaitlistOfferProps) => `A seat is free for you: ${p.event}`,
    greeting: (p: EventWaitlistOfferProps) => `Hello ${p.name},`,
    body: (p: EventWaitlistOfferProps) => `A ${p.ticketType} seat for ${p.event} has freed up and is held for you until ${p.deadline}.`,
    after: "After that, it goes to the next person on the waitlist.",
    action: "Register now",
  },
};

export const subject = (p: EventWaitlistOfferProps) => copy[p.locale].subject(p);

export default function EventWaitlistOffer(p: EventWaitlistOfferProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.greeting(p)}</Text>
      <Text>{c.body(p)}</Text>
      <Text>{c.after}</Text>
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
