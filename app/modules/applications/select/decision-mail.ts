import type { TemplateProps } from "~emails/index";
import { formatInZone } from "~/platform/i18n/format";
import { inLocale, type Locale } from "~/platform/i18n/i18n";
import type { Decision } from "./schema";
import type { ManagedCall } from "../managed-call.server";

/** What the decision mail says to one founder: built the same way for the preview and the send. */
export type DecisionMailFacts = {
  id: string;
  code: string;
  startup: string;
  decision: Decision;
  offerExpiresAt: Date | null;
  includeMessage: boolean;
  feedbackReleased: boolean;
};
export type Templates = Partial<Record<Decision, { vi: string; en: string }>>;

export function decisionMailProps(
  call: ManagedCall,
  appUrl: string,
  facts: DecisionMailFacts,
  templates: Templates,
  locale: Locale,
): TemplateProps<"application-decision"> {
  const template = facts.includeMessage ? templates[facts.decision] : undefined;
  return {
    locale,
    startup: facts.startup,
    call: call.title[locale],
    code: facts.code,
    decision: facts.decision,
    message: template ? inLocale(template, locale) : "",
    deadline: facts.offerExpiresAt ? formatInZone(facts.offerExpiresAt, locale, call.timeZone) : null,
    feedbackReleased: facts.feedbackReleased,
    url: `${appUrl}/applications/${facts.id}`,
  };
}
