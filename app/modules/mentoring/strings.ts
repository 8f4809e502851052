import { registerStrings } from "~/platform/i18n/i18n";
import { availabilityStrings } from "./availability/strings";
import { bookingStrings } from "./booking/strings";
import { matchStrings } from "./match/strings";
import { needsStrings } from "./needs/strings";
import { profileStrings } from "./profiles/strings";

// The mentoring capability's strings under one top-level key, one sub-key per sub-capability,
// registered on import (app/strings.ts imports this file once for pages, jobs import it for mails).
export const mentoringStrings = {
  en: {
    mentoring: {
      availability: availabilityStrings.en,
      booking: bookingStrings.en,
      match: matchStrings.en,
      profiles: profileStrings.en,
      needs: needsStrings.en,
    },
  },
  vi: {
    mentoring: {
      availability: availabilityStrings.vi,
      booking: bookingStrings.vi,
      match: matchStrings.vi,
      profiles: profileStrings.vi,
      needs: needsStrings.vi,
    },
  },
};

registerStrings(mentoringStrings);
