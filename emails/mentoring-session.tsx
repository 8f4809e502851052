import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

// One mail for every change to a mentoring session a calendar must follow (booked, moved,
// cancelled, its place or link changed, cancelled because the mentoring ended) and for its
// reminders; the ICS attached to it carries the same change.
export type MentoringSessionProps = {
  locale: MailLocale;
  kind: "booked" | "rescheduled" | "cancelled" | "reminder" | "location" | "ended";
  name: string;
  /** who the reader meets: the mentor's name for a founder, the startup's for the mentor */
  with: string;
  /** the start and end in the reader's language and time zone, and the zone's name */
  when: string;
  zone: string;
  /** for a move: the old time, read the same way */
  was?: string | null;
  location: string;
  url: string;
};

const copy = {
  vi: {
    subject: (p: MentoringSessionProps) =>
      ({
        booked: `Buổi cố vấn đã được đặt với ${p.with}: ${p.when}`,
        rescheduled: `Buổi cố vấn với ${p.with} đã đổi sang ${p.when}`,
        cancelled: `Buổi cố vấn với ${p.with} đã bị hủy (${p.when})`,
        reminder: `Nhắc lịch: buổi cố vấn với ${p.with} lúc ${p.when}`,
        location: `Buổi cố vấn với ${p.with} (${p.when}) đổi địa điểm hoặc đường dẫn`,
        ended: `Buổi cố vấn với ${p.with} đã bị hủy vì chương trình kết thúc cặp cố vấn (${p.when})`,
      })[p.kind],
    greeting: (p: MentoringSessionProps) => `Chào ${p.name},`,
    when: (p: MentoringSessionProps) => `Thời gian: ${p.when} (${p.zone}).`,
    was: (was: string) => `Thời gian cũ: ${was}.`,
    where: (l: string) => `Địa điểm hoặc đường dẫn: ${l}`,
    calendar: "Tệp lịch (.ics) đính kèm cập nhật lịch của bạn.",
    action: "Xem các buổi cố vấn",
  },
  en: {
    subject: (p: MentoringSessionProps) =>
      ({
        booked: `Mentoring session booked with ${p.with}: ${p.when}`,
        rescheduled: `Mentoring session with ${p.with} moved to ${p.when}`,
        cancelled: `Mentoring session with ${p.with} cancelled (${p.when})`,
        reminder: `Reminder: mentoring session with ${p.with} at ${p.when}`,
        location: `Mentoring session with ${p.with} (${p.when}): new place or link`,
        ended: `Mentoring session with ${p.with} cancelled: the programme ended this mentoring (${p.when})`,
      })[p.kind],
    greeting: (p: MentoringSessionProps) => `Hello ${p.name},`,
    when: (p: MentoringSessionProps) => `When: ${p.when} (${p.zone}).`,
    was: (was: string) => `It was: ${was}.`,
    where: (l: string) => `Where or link: ${l}`,
    calendar: "The attached calendar file (.ics) updates your calendar.",
    action: "See my mentoring sessions",
  },
};

export const subject = (p: MentoringSessionProps) => copy[p.locale].subject(p);

export default function MentoringSession(p: MentoringSessionProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.greeting(p)}</Text>
      <Text>{c.when(p)}</Text>
      {p.was ? <Text>{c.was(p.was)}</Text> : null}
      {p.location ? <Text>{c.where(p.location)}</Text> : null}
      {p.kind !== "reminder" ? <Text>{c.calendar}</Text> : null}
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
