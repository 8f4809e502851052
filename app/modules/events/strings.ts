import { registerStrings } from "~/platform/i18n/i18n";
import { attendeesStrings } from "./attendees/strings";
import { messagesStrings } from "./messages/strings";
import { pageStrings } from "./page/strings";
import { registerStrings as registerBundle } from "./register/strings";
import { waitlistStrings } from "./waitlist/strings";

// The events capability's strings under one top-level key, one sub-key per sub-capability.
// English and Vietnamese with the same keys, registered on import (app/strings.ts).
const en = {
  events: {
    upcoming: "Upcoming events",
    none: "No upcoming events yet.",
    kinds: { forum: "Forum", tech_fair: "Tech fair", workshop: "Workshop", demo_day: "Demo day" },
    attendees: attendeesStrings.en,
    messages: messagesStrings.en,
    page: pageStrings.en,
    register: registerBundle.en,
    waitlist: waitlistStrings.en,
  },
};

const vi: typeof en = {
  events: {
    upcoming: "Sự kiện sắp diễn ra",
    none: "Chưa có sự kiện sắp diễn ra.",
    kinds: { forum: "Diễn đàn", tech_fair: "Triển lãm công nghệ", workshop: "Hội thảo", demo_day: "Ngày trình diễn" },
    attendees: attendeesStrings.vi,
    messages: messagesStrings.vi,
    page: pageStrings.vi,
    register: registerBundle.vi,
    waitlist: waitlistStrings.vi,
  },
};

export const eventStrings = { en, vi };

registerStrings(eventStrings);
