import { Text } from "@react-email/components";
import { Action, Layout, type MailLocale } from "./layout";

// Office hours as their people follow them: the mentor hears of each seat taken or given back, and
// the founders holding seats hear when the mentor cancels (with the ICS that takes the event off
// their calendar). A founder's own seat is mailed as a session (mentoring-session).
export type OfficeHoursProps = {
  locale: MailLocale;
  kind: "seatTaken" | "seatLeft" | "cancelled";
  name: string;
  /** the startup that took or gave back the seat (mails to the mentor) */
  startup: string;
  /** the mentor whose office hours they are (mails to founders) */
  mentor: string;
  /** the start and end in the reader's language and time zone, and the zone's name */
  when: string;
  zone: string;
  taken: number;
  seats: number;
  location: string;
  url: string;
};

const copy = {
  vi: {
    subject: (p: OfficeHoursProps) =>
      ({
        seatTaken: `${p.startup} đã giữ chỗ trong giờ tư vấn nhóm của bạn (${p.when})`,
        seatLeft: `${p.startup} đã trả chỗ trong giờ tư vấn nhóm của bạn (${p.when})`,
        cancelled: `Giờ tư vấn nhóm của ${p.mentor} đã bị hủy (${p.when})`,
      })[p.kind],
    greeting: (p: OfficeHoursProps) => `Chào ${p.name},`,
    when: (p: OfficeHoursProps) => `Thời gian: ${p.when} (${p.zone}).`,
    seats: (p: OfficeHoursProps) => `Đã giữ ${p.taken} trên ${p.seats} chỗ.`,
    where: (l: string) => `Địa điểm hoặc đường dẫn: ${l}`,
    calendar: "Tệp lịch (.ics) đính kèm xóa giờ tư vấn nhóm này khỏi lịch của bạn.",
    action: "Xem giờ tư vấn nhóm",
  },
  en: {
    subject: (p: OfficeHoursProps) =>
      ({
        seatTaken: `${p.startup} took a seat at your office hours (${p.when})`,
        seatLeft: `${p.startup} gave up its seat at your office hours (${p.when})`,
        cancelled: `Office hours of ${p.mentor} cancelled (${p.when})`,
      })[p.kind],
    greeting: (p: OfficeHoursProps) => `Hello ${p.name},`,
    when: (p: OfficeHoursProps) => `When: ${p.when} (${p.zone}).`,
    seats: (p: OfficeHoursProps) => `Seats taken: ${p.taken} of ${p.seats}.`,
    where: (l: string) => `Where or link: ${l}`,
    calendar: "The attached calendar file (.ics) takes these office hours off your calendar.",
    action: "See office hours",
  },
};

export const subject = (p: OfficeHoursProps) => copy[p.locale].subject(p);

export default function OfficeHours(p: OfficeHoursProps) {
  const c = copy[p.locale];
  return (
    <Layout locale={p.locale} preview={c.subject(p)} heading={c.subject(p)}>
      <Text>{c.greeting(p)}</Text>
      <Text>{c.when(p)}</Text>
      {p.kind === "cancelled" ? <Text>{c.calendar}</Text> : <Text>{c.seats(p)}</Text>}
      {p.location ? <Text>{c.where(p.location)}</Text> : null}
      <Action href={p.url}>{c.action}</Action>
    </Layout>
  );
}
