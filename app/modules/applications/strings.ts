import { registerStrings } from "~/platform/i18n/i18n";
import { applyStrings } from "./apply/strings";
import { reviewStrings } from "./review/strings";
import { selectStrings } from "./select/strings";
import { setupStrings } from "./setup/strings";

// The applications capability's strings, one key per sub-capability, named as its folder
// (setup.*, apply.*, review.*, select.*), registered on import: anything that renders them
// (app/strings.ts for pages, a job rendering a mail) imports this file.
export const applicationStrings = {
  en: { setup: setupStrings.en, apply: applyStrings.en, review: reviewStrings.en, select: selectStrings.en },
  vi: { setup: setupStrings.vi, apply: applyStrings.vi, review: reviewStrings.vi, select: selectStrings.vi },
};

registerStrings(applicationStrings);
