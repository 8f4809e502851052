import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MatchingPage } from "./matching.server";
import { EndMentoring } from "./manage-ui";
import { ScoreParts } from "./score-parts";

/**
 * The cohort, one row a startup: its needs, its mentors now, the proposed mentor (with the score's
 * parts and a select to change it), and a manager's direct assignment.
 */
export function MatchingTable({ page, errorStartup }: { page: MatchingPage; errorStartup: string | null }) {
  const { t } = useTranslation();
  const nameOf = (id: string) => page.mentors.find((m) => m.id === id)?.name ?? "—";
  const optionLabel = (o: { mentorId: string; score: { total: number }; full: boolean }) =>
    `${nameOf(o.mentorId)} · ${o.score.total}${o.full ? ` ${t("mentoring.match.page.full")}` : ""}`;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("mentoring.match.page.startup")}</th>
            <th scope="col">{t("mentoring.match.page.current")}</th>
            <th scope="col">{t("mentoring.match.page.proposed")}</th>
            <th scope="col">{t("mentoring.match.page.assignTitle")}</th>
          </tr>
        </thead>
        <tbody>
          {page.startups.map((s) => (
            <tr key={s.id} aria-invalid={errorStartup === s.id ? true : undefined}>
              <th scope="row">
                {s.name}
                <br />
                <small>
                  {t("mentoring.match.page.needs")}: {[...s.expertise, s.sector, t(`mentoring.profiles.stage.${s.stage}`)].filter(Boolean).join(", ")}
                </small>
                {s.conflicted.length > 0 ? (
                  <>
                    <br />
                    <small>
                      {t("mentoring.match.page.conflicted", {
                        names: s.conflicted.map((c) => `${nameOf(c.mentorId)} (${t(`mentoring.match.page.conflictWhy.${c.why}`)})`).join(", "),
                      })}
                    </small>
                  </>
                ) : null}
              </th>
              <td>
                {s.mentors.length === 0 ? t("mentoring.match.page.noMentor") : s.mentors.map(nameOf).join(", ")}
                {/* only pairs made in this programme are this programme's to end */}
                {page.pairs
                  .filter((p) => p.startupId === s.id)
                  .map((p) => (
                    <EndMentoring key={p.mentorId} startupId={s.id} startup={s.name} mentorId={p.mentorId} mentor={nameOf(p.mentorId)} />
                  ))}
              </td>
              <td>
                {s.proposed ? (
                  <>
                    <strong>{nameOf(s.proposed.mentorId)}</strong>
                    <ScoreParts score={s.proposed.score} />
                  </>
                ) : null}
                {s.proposed || page.proposals > 0 ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="edit" />
                    <input type="hidden" name="startupId" value={s.id} />
                    <label htmlFor={`edit-${s.id}`} className="visually-hidden">
                      {t("mentoring.match.page.editLabel", { startup: s.name })}
                    </label>
                    <select id={`edit-${s.id}`} name="mentorId" defaultValue={s.proposed?.mentorId ?? ""}>
                      <option value="">{t("mentoring.match.page.noPair")}</option>
                      {s.options.map((o) => (
                        <option key={o.mentorId} value={o.mentorId}>
                          {optionLabel(o)}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" className="button secondary">
                      {t("mentoring.match.page.change")}
                    </button>
                  </Form>
                ) : null}
              </td>
              <td>
                {s.options.length === 0 ? (
                  <span>{t("mentoring.match.page.noOptions")}</span>
                ) : (
                  <>
                    <ScoreParts score={s.options[0]!.score} />
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="assign" />
                      <input type="hidden" name="startupId" value={s.id} />
                      <label htmlFor={`assign-${s.id}`} className="visually-hidden">
                        {t("mentoring.match.page.assignLabel", { startup: s.name })}
                      </label>
                      <select id={`assign-${s.id}`} name="mentorId">
                        {s.options.map((o) => (
                          <option key={o.mentorId} value={o.mentorId}>
                            {optionLabel(o)}
                          </option>
                        ))}
                      </select>{" "}
                      <button type="submit" className="button secondary">
                        {t("mentoring.match.page.assign")}
                      </button>
                    </Form>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
