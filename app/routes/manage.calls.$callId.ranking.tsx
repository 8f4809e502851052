import { useEffect, useMemo } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BULK_ACTIONS, DECISIONS, STAGES, type Decision, type Stage } from "~/modules/applications/select/choices";
import { BulkSchema, RankingQuerySchema } from "~/modules/applications/select/schema";
import { rankingPage, type RankingRow } from "~/modules/applications/select/ranking.server";
import { offeringCallHeading } from "~/modules/applications/setup/call-settings.server";
import { moveStage } from "~/modules/applications/select/moves.server";
import { decide } from "~/modules/applications/select/decisions.server";
import { deadlineField, decideRefusal, type DecideRefusal } from "~/modules/applications/select/decision-answer";
import { DecideFields, WarnedList } from "~/modules/applications/select/decision-fields";
import { Pager } from "~/ui/pager";
import { ReviewCounts, ThinReviewLegend, ZScore } from "~/modules/applications/select/ranking-cells";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { invalid, parseForm, readForm } from "~/platform/http/form.server";
import { formatDateTime, zoneName } from "~/platform/i18n/format";
import { FormMessage, useZodForm } from "~/ui/form";
import { RouteError } from "~/ui/route-error";
import type { CallSection } from "./manage.calls.$callId";
import { routeStrings } from "~/platform/i18n/strings-client";
import type { Bilingual } from "~/platform/i18n/i18n";
import { fromColumns, type Columns } from "~/ui/columns";
import { repeatedT, textWith } from "~/ui/repeated-text";

// The ranking table with its decision column needs the full width of a 1280 px screen.
export const handle: CallSection = { section: "setup.tabs.ranking", wide: true, ...routeStrings("pager", "select.common", "select.deadline", "select.decisions", "select.notify", "select.offer", "select.ranking", "select.reviewCounts", "select.stages", "select.thin", "select.warnings", "setup", "validation") };

export function loader({ request, params }: LoaderFunctionArgs) {
  return offeringCallHeading(request, params.callId ?? "", async (alongside) => {
    const viewer = await requireViewer(request);
    const url = new URL(request.url);
    const query = RankingQuerySchema.parse(Object.fromEntries(url.searchParams));
    const { rows, ...page } = await rankingPage(viewer.claims, params.callId ?? "", query, alongside);
    return { ...page, ...shownColumns(rows), query, locale: viewer.locale, deadline: deadlineField(page.call.timeZone, page.call.offerDays) };
  });
}

// The rows as the page shows them, one array per column (`app/ui/columns.ts`): the loader's data is
// encoded and escaped into the page, and 50 rows as objects repeated every key and each track's
// names. A row's track is an index into `tracks`.
const SHOWN = ["id", "code", "startup", "track", "stage", "eligible", "decision", "pendingDecision", "offerExpiresAt", "offerResponse"] as const;
const COUNTED = ["reviews", "pending", "recused", "abstained", "rawScore", "zScore", "rank", "percentile", "shortlisted", "caution"] as const;
type ShownRow = Omit<Pick<RankingRow, (typeof SHOWN)[number] | (typeof COUNTED)[number]>, "track"> & { track: number | null };

function shownColumns(rows: RankingRow[]) {
  const tracks: Bilingual[] = [];
  const index = new Map<string, number>();
  const trackOf = (track: Bilingual | null): number | null => {
    if (!track) return null;
    const key = `${track.vi}\u0000${track.en}`;
    return index.get(key) ?? index.set(key, tracks.push(track) - 1).get(key)!;
  };
  // Straight into columns, in the keys' order: no copy of each row on the way (decision 008, ninth pass).
  const columns = {} as Columns<ShownRow>;
  for (const key of [...SHOWN, ...COUNTED]) {
    (columns as Record<string, unknown[]>)[key] = key === "track" ? rows.map((r) => trackOf(r.track)) : rows.map((r) => r[key]);
  }
  return { rows: columns, tracks };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = parseForm(await readForm(request), BulkSchema);
  if (!form.ok) return invalid(form.errors);
  const { ids, action, intent: _intent, ...options } = form.data;
  const [kind, value] = action.split(":") as ["stage" | "decision", string];
  const callId = params.callId ?? "";
  if (kind === "stage") return { errors: null, outcome: await withOutcomes(() => moveStage(viewer.claims, callId, ids, value as Stage)), decided: false };
  const decided = await withOutcomes(() => decide(viewer.claims, callId, ids, value as Decision, options));
  const refusal = decideRefusal(decided);
  if (refusal || decided.kind !== "done") return data({ ...refusal, outcome: null }, { status: 400 });
  return { errors: null, outcome: { changed: decided.changed, skipped: decided.skipped }, decided: true };
}

type SortKey = "rank" | "code" | "startup" | "raw" | "z" | "reviews";

export default function Ranking() {
  const { t } = useTranslation();
  const { call, rows: columns, tracks, total, page, pageSize, query, locale, deadline } = useLoaderData<typeof loader>();
  const rows = useMemo(() => fromColumns(columns as Columns<ShownRow>), [columns]);
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const outcome = result && "outcome" in result ? result.outcome : null;
  const warned = (result as { warned?: DecideRefusal["warned"] } | undefined)?.warned ?? [];
  const form = useZodForm(() => import("~/modules/applications/select/schema").then((m) => m.BulkSchema), errors);
  const { reset } = form;
  // Once the server applied the action, nothing stays ticked (as after a plain post's reload).
  useEffect(() => {
    if (outcome) reset();
  }, [outcome, reset]);
  const location = useLocation();
  const sortLink = (key: SortKey) => {
    const params = new URLSearchParams(location.search);
    params.set("sort", key);
    params.set("dir", query.sort === key && query.dir === "asc" ? "desc" : "asc");
    params.delete("page");
    return `?${params.toString()}`;
  };
  const header = (key: SortKey, label: string, numeric = false) => (
    <th scope="col" className={numeric ? "num" : undefined} aria-sort={query.sort === key ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={sortLink(key)} className="sort-link" aria-label={t("select.ranking.sortBy", { column: label })}>
        {label}
        {query.sort === key ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
  // Each row's words repeat (stages, decisions, counts): each text is asked once per render.
  const tr = repeatedT(t);
  const selectOne = textWith(t, "select.ranking.selectOne", "code");
  const none = tr("select.common.none");
  const score = (n: number | null, digits: number) => (n == null ? none : n.toFixed(digits));
  return (
    <>
      <p>{t("select.ranking.lead", { threshold: call.shortlistThreshold ?? t("select.ranking.noThreshold") })}</p>

      <h2>{t("select.ranking.filters")}</h2>
      <Form method="get" className="filters">
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="field">
          <label htmlFor="filter-track">{t("select.ranking.track")}</label>
          <select id="filter-track" name="track" defaultValue={query.track ?? ""}>
            <option value="">{t("select.common.any")}</option>
            {call.tracks.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.name[locale]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-stage">{t("select.ranking.stage")}</label>
          <select id="filter-stage" name="stage" defaultValue={query.stage ?? ""}>
            <option value="">{t("select.common.any")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`select.stages.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-eligible">{t("select.ranking.eligible")}</label>
          <select id="filter-eligible" name="eligible" defaultValue={query.eligible ?? ""}>
            <option value="">{t("select.common.any")}</option>
            <option value="yes">{t("select.common.yes")}</option>
            <option value="no">{t("select.common.no")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-decision">{t("select.ranking.decision")}</label>
          <select id="filter-decision" name="decision" defaultValue={query.decision ?? ""}>
            <option value="">{t("select.common.any")}</option>
            <option value="none">{t("select.ranking.undecided")}</option>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t(`select.decisions.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-min">{t("select.ranking.minScore")}</label>
          <input id="filter-min" name="minScore" type="number" min={0} max={100} step="any" defaultValue={query.minScore ?? ""} />
        </div>
        <button type="submit" className="button secondary">
          {t("select.ranking.apply")}
        </button>
        <Link to=".">{t("select.ranking.reset")}</Link>
      </Form>

      <p role="status">{t("select.ranking.results", { count: total })}</p>
      {outcome ? (
        <FormMessage tone="success">
          {t(result && "decided" in result && result.decided ? "select.ranking.doneDecided" : "select.ranking.done", { changed: outcome.changed, skipped: outcome.skipped })}
        </FormMessage>
      ) : null}
      {errors?.confirmWarnings ? (
        <FormMessage tone="error">
          {t(errors.confirmWarnings)}
          <WarnedList warned={warned} required={call.reviewsPerApplication} threshold={call.shortlistThreshold} />
        </FormMessage>
      ) : null}
      <ThinReviewLegend rows={rows} call={call} sortedByZ={query.sort === "z"} />
      {rows.length === 0 ? (
        <p className="empty">{t("select.ranking.empty")}</p>
      ) : (
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <input type="hidden" value="bulk" {...form.register("intent")} />
          <div className="table-wrap">
            <table className="table compact">
              <caption className="visually-hidden">{t("select.ranking.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("select.ranking.select")}</th>
                  {header("rank", t("select.ranking.rank"), true)}
                  {header("code", t("select.ranking.code"))}
                  {header("startup", t("select.ranking.startup"))}
                  <th scope="col">{t("select.ranking.track")}</th>
                  <th scope="col">{t("select.ranking.stage")}</th>
                  <th scope="col">{t("select.ranking.eligible")}</th>
                  {header("raw", t("select.ranking.raw"), true)}
                  {header("z", t("select.ranking.z"), true)}
                  <th scope="col" className="num">
                    {t("select.ranking.percentile")}
                  </th>
                  {header("reviews", t("select.ranking.reviews"))}
                  <th scope="col">{t("select.ranking.shortlist")}</th>
                  <th scope="col">{t("select.ranking.decision")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className={r.shortlisted ? "shortlisted" : undefined}>
                    <td>
                      <input type="checkbox" id={`pick-${r.id}`} value={r.id} {...form.register("ids")} />
                      <label htmlFor={`pick-${r.id}`} className="visually-hidden">
                        {selectOne(`${r.code} ${r.startup}`)}
                      </label>
                    </td>
                    <td className="num">{r.rank}</td>
                    <td>
                      <Link to={`/manage/calls/${call.id}/applications/${r.id}${location.search}`}>{r.code}</Link>
                    </td>
                    <td>{r.startup}</td>
                    <td>{r.track != null ? tracks[r.track]![locale] : none}</td>
                    <td>{tr(`select.stages.${r.stage}`)}</td>
                    <td>{r.eligible == null ? none : tr(r.eligible ? "select.common.yes" : "select.common.no")}</td>
                    <td className="num">{score(r.rawScore, 2)}</td>
                    <td className="num">
                      <ZScore value={r.zScore} caution={r.caution} t={tr} />
                    </td>
                    <td className="num">{r.percentile.toFixed(1)}</td>
                    <td>
                      <ReviewCounts row={r} need={call.reviewsPerApplication} t={tr} />
                    </td>
                    <td>{r.shortlisted ? tr("select.ranking.shortlisted") : ""}</td>
                    <td>
                      {r.pendingDecision
                        ? tr("select.ranking.pending", { decision: tr(`select.decisions.${r.pendingDecision}`) })
                        : r.decision
                          ? tr(`select.decisions.${r.decision}`)
                          : none}
                      {!r.pendingDecision && r.decision === "accepted" && r.offerExpiresAt && !r.offerResponse
                        ? ` (${t("select.ranking.offerUntil", {
                            date: t("select.common.callZone", { date: formatDateTime(r.offerExpiresAt, locale, call.timeZone), zone: zoneName(call.timeZone, locale, r.offerExpiresAt) }),
                          })})`
                        : null}
                      {r.offerResponse ? ` · ${tr(`select.offer.${r.offerResponse}`)}` : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {form.errorOf("ids") ? (
            <p className="field-error" role="alert">
              {t("select.ranking.selectSome")}
            </p>
          ) : null}
          <fieldset className="actions-bar">
            <legend>{t("select.ranking.bulkTitle")}</legend>
            <div className="field">
              <label htmlFor="field-action">{t("select.ranking.action")}</label>
              <select id="field-action" defaultValue="" aria-invalid={form.errorOf("action") ? true : undefined} {...form.register("action")}>
                <option value="" disabled>
                  {t("select.ranking.chooseAction")}
                </option>
                <optgroup label={t("select.ranking.moveGroup")}>
                  {BULK_ACTIONS.filter((a) => a.startsWith("stage:")).map((a) => (
                    <option key={a} value={a}>
                      {t("select.ranking.moveTo", { stage: t(`select.stages.${a.slice(6)}`) })}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("select.ranking.decideGroup")}>
                  {BULK_ACTIONS.filter((a) => a.startsWith("decision:")).map((a) => (
                    <option key={a} value={a}>
                      {t(`select.decisions.${a.slice(9)}`)}
                    </option>
                  ))}
                </optgroup>
              </select>
              {form.errorOf("action") ? <p className="field-error">{t(form.errorOf("action")!)}</p> : null}
            </div>
            <DecideFields idPrefix="bulk" zone={call.timeZone} offerDays={call.offerDays} deadline={deadline} errors={errors} />
            <button type="submit" className="button" disabled={form.isSubmitting}>
              {t("select.ranking.run")}
            </button>
          </fieldset>
          <Pager page={page} pageSize={pageSize} total={total} search={location.search} />
        </Form>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
