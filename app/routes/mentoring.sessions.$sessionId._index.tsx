import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answer, intentOf, targetOf } from "~/modules/applications/setup/actions.server";
import { type ActionAnswer } from "~/modules/applications/setup/ui";
import { setSessionLocation } from "~/modules/mentoring/booking/location.server";
import { LocationPanel } from "~/modules/mentoring/booking/location-panel";
import { markNoShow } from "~/modules/mentoring/sessions/absence.server";
import { giveFeedback } from "~/modules/mentoring/sessions/feedback.server";
import { addItem, removeItem, saveNotes, setItemDone } from "~/modules/mentoring/sessions/notes.server";
import { sessionPage } from "~/modules/mentoring/sessions/page.server";
import { Absence, Feedback, Items, Notes } from "~/modules/mentoring/sessions/panels";
import { requireViewer } from "~/platform/auth/guards.server";
import type { Claims } from "~/platform/db/transaction.server";
import { badInput, withOutcomes } from "~/platform/http/errors.server";
import { formToObject, readForm, type Outcome } from "~/platform/http/form.server";
import { formatDateTime, zoneName } from "~/platform/i18n/format";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { useViewerZone } from "~/ui/locale";
import { routeStrings } from "~/platform/i18n/strings-client";

// One mentoring session, for its mentor, the startup's people and the programme's managers (a 404
// for anyone else): when and who, then what came after it.

export const meta = titled<SerializeFrom<typeof loader>>((t, d) => t("mentoring.sessions.titleWith", { startup: d.startupName }));

export const handle = routeStrings("mentoring.booking", "mentoring.sessions", "setup.edit", "setup.moveDown", "setup.moveUp", "setup.remove", "setup.saved", "setup.tabs", "validation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return withOutcomes(() => sessionPage(viewer.claims, params.sessionId ?? ""));
}

type Command = (claims: Claims, sessionId: string, input: unknown) => Promise<Outcome<unknown>>;
const COMMANDS: Record<string, Command> = {
  saveNotes,
  addItem,
  setItemDone,
  removeItem,
  giveFeedback,
  noShow: (claims, sessionId) => markNoShow(claims, sessionId),
  setLocation: setSessionLocation,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const intent = intentOf(form);
  const command = Object.hasOwn(COMMANDS, intent) ? COMMANDS[intent]! : null;
  if (!command) throw badInput();
  const input = formToObject(form);
  // the item forms name their item, so a refusal shows beside it
  const target = intent === "setItemDone" || intent === "removeItem" ? targetOf(form) : null;
  return answer(intent, target, input, () => command(viewer.claims, params.sessionId ?? "", input));
}

export default function SessionRoute() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { locale, timeZone } = useViewerZone();
  const data = useLoaderData<typeof loader>();
  const result = (useActionData<typeof action>() ?? null) as ActionAnswer | null;
  const { session, programme, people } = data;
  const mentor = people.filter((p) => p.side === "mentor");
  const founders = people.filter((p) => p.side === "founder");
  // a booked session that has ended was held, unless someone says otherwise (decisions/003-hours-used.md)
  const shown = session.status === "booked" && session.ended ? "held" : session.status;
  const hours = (n: number) => n.toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
  return (
    <section className="page narrow">
      <p>
        <Link to="/mentoring">{t("mentoring.sessions.back")}</Link>
      </p>
      <h1>{t("mentoring.sessions.titleWith", { startup: data.startupName })}</h1>
      <p>
        <span className={`status status-${shown}`}>{t(`mentoring.sessions.status.${shown}`)}</span>
      </p>
      <dl className="facts">
        <dt>{t("mentoring.sessions.when")}</dt>
        <dd>
          <time dateTime={session.startsAt}>{formatDateTime(session.startsAt, locale, timeZone)}</time> –{" "}
          <time dateTime={session.endsAt}>{formatDateTime(session.endsAt, locale, timeZone)}</time>
          <br />
          <span className="hint">{t("mentoring.sessions.zone", { zone: zoneName(timeZone, locale, session.startsAt) })}</span>
        </dd>
        <dt>{t("mentoring.sessions.mentor")}</dt>
        <dd>{mentor.map((p) => p.name).join(", ")}</dd>
        <dt>{t("mentoring.sessions.founders")}</dt>
        <dd>
          {data.startupName}
          {founders.length ? ` (${founders.map((p) => p.name).join(", ")})` : ""}
        </dd>
        <dt>{t("mentoring.sessions.programme")}</dt>
        <dd>{programme.name[lang]}</dd>
      </dl>
      {programme.committedHours === null ? null : (
        <p>{t("mentoring.sessions.hours", { startup: data.startupName, used: hours(programme.committedHours), budget: hours(programme.budgetHours) })}</p>
      )}
      {data.may.reschedule ? (
        <p>
          <Link to={`/mentoring/sessions/${session.id}/reschedule`} className="button secondary">
            {t("mentoring.sessions.reschedule")}
          </Link>
        </p>
      ) : null}
      <LocationPanel data={data} answer={result} />
      <Absence data={data} answer={result} />
      <Notes data={data} answer={result} />
      <Items data={data} answer={result} />
      <Feedback data={data} answer={result} />
    </section>
  );
}

export const ErrorBoundary = RouteError;
