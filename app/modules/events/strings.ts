import { registerStrings } from "~/platform/i18n/i18n";
import { attendeesStrings } from "./attendees/strings";
import { checkinStrings } from "./checkin/strings";
import { messagesStrings } from "./messages/strings";
import { pageStrings } from "./page/strings";
import { registerStrings as registerBundle } from "./register/strings";
import { setupStrings } from "./setup/strings";
import { ticketSetupStrings } from "./setup/tickets/strings";
import { waitlistStrings } from "./waitlist/strings";

// The events capability's strings under one top-level key, one sub-key per sub-capability.
// English and Vietnamese with the same keys, registered on import (app/strings.ts).
const en = {
  events: {
    upcoming: "Upcoming events",
    none: "No upcoming events yet.",
    kinds: { forum: "Forum", tech_fair: "Tech fair", workshop: "Workshop", demo_day: "Demo day" },
    attendees: attendeesStrings.en,
    checkin: checkinStrings.en,
    messages: messagesStrings.en,
    page: pageStrings.en,
    register: registerBundle.en,
    setup: setupStrings.en,
    ticketSetup: ticketSetupStrings.en,
    waitlist: waitlistStrings.en,
  },
};

const vi: typeof en = {
  events: {
    upcoming: "Sự kiện sắp diễn ra",
    none: "Chưa có sự kiện sắp diễn ra.",
    kinds: { forum: "Diễn đàn", tech_fair: "Triển lãm công nghệ", workshop: "Hội thảo", demo_day: "Ngày trình diễn" },
    attendees: attendeesStrings.vi,
    checkin: checkinStrings.vi,
    messages: messagesStrings.vi,
    page: pageStrings.vi,
    register: registerBundle.vi,
    setup: setupStrings.vi,
    ticketSetup: ticketSetupStrings.vi,
    waitlist: waitlistStrings.vi,
  },
};

export const eventStrings = { en, vi };

registerStrings(eventStrings);
