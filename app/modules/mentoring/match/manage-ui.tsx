import { Form, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { formatDate } from "~/platform/i18n/format";
import { FormMessage } from "~/ui/form";
import type { EndedPair } from "./ending.server";
import type { AssignmentRun } from "./solve.server";
import { useViewerZone } from "~/ui/locale";

// The matching page's management parts: the cohort-wide solve's state, ending a mentoring, and the
// mentorings that ended.

/** How often the page asks again while the job solves: the solve takes seconds, not minutes. */
const POLL_MS = 2_000;

/** The last solve's state; "done" only while its proposal is still there to review (publishing removes it). */
export function SolveStatus({ run, proposals }: { run: AssignmentRun | null; proposals: number }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const solving = run?.status === "solving";
  useEffect(() => {
    if (!solving) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), POLL_MS);
    return () => clearInterval(timer);
  }, [solving, revalidator]);
  if (!run) return null;
  if (solving) {
    return (
      <FormMessage tone="info">
        {t("mentoring.match.manage.solving")}{" "}
        <Form method="get" className="inline-form">
          <button type="submit" className="button secondary">
            {t("mentoring.match.manage.refresh")}
          </button>
        </Form>
      </FormMessage>
    );
  }
  if (run.status === "failed") return <FormMessage tone="error">{t("mentoring.match.manage.failed")}</FormMessage>;
  return proposals > 0 ? <FormMessage tone="info">{t("mentoring.match.manage.solved", { count: run.proposed ?? 0 })}</FormMessage> : null;
}

/** Ends one startup's mentoring with one mentor: a disclosure that says what follows, then the button. */
export function EndMentoring({ startupId, startup, mentorId, mentor }: { startupId: string; startup: string; mentorId: string; mentor: string }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t("mentoring.match.manage.endLabel", { startup, mentor })}</summary>
      <p>{t("mentoring.match.manage.endLead")}</p>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="end" />
        <input type="hidden" name="startupId" value={startupId} />
        <input type="hidden" name="mentorId" value={mentorId} />
        <button type="submit" className="button danger">
          {t("mentoring.match.manage.end")}
        </button>
      </Form>
    </details>
  );
}

export function EndedList({ ended }: { ended: EndedPair[] }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useViewerZone();
  if (ended.length === 0) return null;
  return (
    <>
      <h2>{t("mentoring.match.manage.history")}</h2>
      <p>{t("mentoring.match.manage.historyLead")}</p>
      <ul>
        {ended.map((e) => (
          <li key={`${e.startupId}:${e.mentorId}:${e.endedAt}`}>
            {t("mentoring.match.manage.historyRow", {
              startup: e.startup,
              mentor: e.mentor,
              since: formatDate(e.since, locale, timeZone),
              until: formatDate(e.endedAt, locale, timeZone),
              count: e.cancelled,
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
