// Shapes shared by the founder, reviewer and manager sides of applications.
import { inLocale, type Bilingual } from "~/platform/i18n/i18n";

export type ChoiceOption = { value: string; vi: string; en: string };

export type Question = {
  id: string;
  step: number;
  position: number;
  kind: "text" | "long_text" | "choice" | "multi_choice" | "number" | "file" | "link";
  label: Bilingual;
  help: Bilingual;
  required: boolean;
  options: ChoiceOption[];
  maxLength: number | null;
  minNumber: number | null;
  maxNumber: number | null;
  blind: boolean;
  eligibilityValues: string[] | null;
};

export type RubricLevel = { level: number; description: Bilingual };
export type Criterion = {
  id: string;
  position: number;
  name: Bilingual;
  description: Bilingual;
  weight: number;
  commentRequired: boolean;
  maxLevel: number;
  levels: RubricLevel[];
};

export type Track = { id: string; name: Bilingual };

export type Call = {
  id: string;
  slug: string;
  programmeId: string;
  programmeSlug: string;
  programmeName: Bilingual;
  orgId: string;
  orgSlug: string;
  orgName: Bilingual;
  title: Bilingual;
  description: Bilingual;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  published: boolean;
  blindFields: ("organisation" | "founders" | "team")[];
  reviewsPerApplication: number;
  shortlistThreshold: number | null;
  offerDays: number;
  /** Titles of the form's steps that have one, by step number. */
  stepTitles: Record<string, Bilingual>;
};

export type CallForm = { call: Call; tracks: Track[]; questions: Question[]; criteria: Criterion[] };

export const pick = (b: Bilingual, locale: "vi" | "en") => inLocale(b, locale);
