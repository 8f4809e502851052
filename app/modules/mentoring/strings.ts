import { registerStrings } from "~/platform/i18n/i18n";
import { availabilityStrings } from "./availability/strings";
import { bookingStrings } from "./booking/strings";
import { calendarStrings } from "./calendar/strings";
import { matchStrings } from "./match/strings";
import { needsStrings } from "./needs/strings";
import { officeStrings } from "./office/strings";
import { profileStrings } from "./profiles/strings";
import { reportStrings } from "./report/strings";
import { sessionsStrings } from "./sessions/strings";
import { auditStrings } from "./audit/strings";

// The mentoring capability's strings under one top-level key, one sub-key per sub-capability,
// registered on import (app/strings.ts imports this file once for pages, jobs import it for mails).
export const mentoringStrings = {
  en: {
    mentoring: {
      availability: availabilityStrings.en,
      booking: bookingStrings.en,
      calendar: calendarStrings.en,
      match: matchStrings.en,
      needs: needsStrings.en,
      office: officeStrings.en,
      profiles: profileStrings.en,
      report: reportStrings.en,
      sessions: sessionsStrings.en,
      audit: auditStrings.en,
    },
  },
  vi: {
    mentoring: {
      availability: availabilityStrings.vi,
      booking: bookingStrings.vi,
      calendar: calendarStrings.vi,
      match: matchStrings.vi,
      needs: needsStrings.vi,
      office: officeStrings.vi,
      profiles: profileStrings.vi,
      report: reportStrings.vi,
      sessions: sessionsStrings.vi,
      audit: auditStrings.vi,
    },
  },
};

registerStrings(mentoringStrings);
