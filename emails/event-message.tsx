import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

// A message from an event's organisers to its attendees or its waitlist, in the reader's language.
// The body is plain text the organisers wrote: React escapes it, so it can carry no markup; blank
// lines make paragraphs and single line breaks are kept.
export type EventMessageProps = {
  locale: MailLocale;
  event: string;
  subject: string;
  body: string;
  /** why the reader gets it: an attendee, or on the waitlist */
  to: "attendees" | "waitlist";
  url: string;
};

const copy = {
  vi: {
    subject: (p: EventMessageProps) => `${p.event}: ${p.subject}`,
    from: (p: EventMessageProps) => `Ban tổ chức ${p.event} gửi thư này`,
    why: { attendees: "vì bạn có vé tham dự sự kiện.", waitlist: "vì bạn đang trong danh sách chờ của sự kiện." },
    action: "Xem sự kiện",
  },
  en: {
    subject: (p: EventMessageProps) => `${p.event}: ${p.subject}`,
    from: (p: EventMessageProps) => `The organisers of ${p.event} sent you this mail`,
    why: { attendees: "because you hold a ticket for the event.", waitlist: "because you are on the event's waitlist." },
    action: "View the event",
  },
};

export const subject = (p: EventMessageProps) => copy[p.locale].subject(p);

export default function EventMessage(p: EventMessageProps) {
  const c = copy[p.locale];
  const paragraphs = p.body.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  return (
    <Layout locale={p.locale} preview={p.subject} heading={p.subject}>
      {paragraphs.map((text, i) => (
        <Text key={i} style={{ whiteSpace: "pre-line" }}>
          {text}
        </Text>
      ))}
      <Text style={{ fontSize: "13px", color: "#4a5561" }}>
        {c.from(p)} {c.why[p.to]}
      </Text>
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
