// Answers checked against the event's questions: a required question needs an answer, a choice
// one of its options, and answers to questions the event does not ask are dropped. Pure, so the
// rule is tested without a database; the module reads the questions and calls it.
export type Question = { id: string; kind: "text" | "choice"; options: string[]; required: boolean };

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
    if (q.kind === "choice" && !q.options.includes(answer)) {
      errors[q.id] = "events.register.refused.choice";
      continue;
    }
    kept[q.id] = answer;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers: kept };
}
