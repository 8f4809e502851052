import { registerStrings } from "~/platform/i18n/i18n";
import { founderStrings } from "./apply/strings";
import { reviewStrings } from "./review/strings";
import { decideStrings } from "./select/strings";
import { manageStrings } from "./setup/strings";

// The applications capability's strings, one key per sub-capability, registered on import:
// anything that renders them (app/strings.ts for pages, a job rendering a mail) imports this file.
export const applicationStrings = {
  en: { apply: founderStrings.en, review: reviewStrings.en, manage: manageStrings.en, decide: decideStrings.en },
  vi: { apply: founderStrings.vi, review: reviewStrings.vi, manage: manageStrings.vi, decide: decideStrings.vi },
};

registerStrings(applicationStrings);
