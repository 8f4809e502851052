// Answers checked against the event's questions: a required question needs an answer, a choice
// one of its options, a yes/no question "yes" or "no", and answers to questions the event does not
// ask are dropped. Pure, so the rule is tested without a database; the module reads the questions
// and calls it. A question asked of some ticket types only (`ticketTypeIds`, empty: all) is
// checked only for attendees of those types.
export type Question = { id: string; kind: "text" | "long_text" | "choice" | "yes_no"; options: string[]; required: boolean; ticketTypeIds: string[] };

/** The questions an attendee of this ticket type answers. */
export const askedOf = <Q extends Pick<Question, "ticketTypeIds">>(questions: Q[], ticketType: string): Q[] =>
  questions.filter((q) => q.ticketTypeIds.length === 0 || q.ticketTypeIds.includes(ticketType));

export const YES_NO = ["yes", "no"] as const;

export function checkAnswers(
  questions: Question[],
  answers: Record<string, string>,
): { ok: true; answers: Record<string, string> } | { ok: false; errors: Record<string, string> } {
  const kept: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const answer = (answers[q.id] ?? "").trim();
    if (!answer) {
      if (q.required) errors[q.id] = "validation.required";
      continue;
    }
    if ((q.kind === "choice" && !q.options.includes(answer)) || (q.kind === "yes_no" && !(YES_NO as readonly string[]).includes(answer))) {
      errors[q.id] = "events.register.refused.choice";
      continue;
    }
    kept[q.id] = answer;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers: kept };
}
