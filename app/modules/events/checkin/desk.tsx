import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useRevalidator } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import { Field } from "~/ui/form";
import { CameraScanner } from "./camera";
import { dropFirst, enqueue, readQueue } from "./queue";

// The door: a camera or a typed code, what the server answered (who it is, or a loud "already
// checked in"), the live count, the last check-ins with an undo, and scans kept while offline.

type Count = { checkedIn: number; total: number };
type Recent = { ticketId: string; name: string; ticketType: string; checkedInAt: string | Date; checkedInBy: string | null };
type Answer =
  | { ok: true; intent: "scan"; outcome: "checked_in" | "already"; ticketId: string; name: string; ticketType: string; answers: { label: string; answer: string }[]; checkedInAt: string; checkedInBy: string | null; count: Count }
  | { ok: true; intent: "undo"; undone: boolean; count: Count }
  | { ok: false; message: string };
type Shown =
  | { kind: "answer"; answer: Extract<Answer, { intent: "scan" }> }
  | { kind: "message"; tone: "error" | "info" | "success"; text: string };

/** Send one post; null when the network (or a 5xx) says to keep it for later. */
async function send(url: string, fields: Record<string, string>): Promise<Answer | null> {
  try {
    const res = await fetch(url, { method: "POST", body: new URLSearchParams(fields), headers: { Accept: "application/json" } });
    if (res.status >= 500 || !res.headers.get("content-type")?.includes("json")) return null;
    return (await res.json()) as Answer;
  } catch {
    return null;
  }
}

export function CheckInDesk(props: { eventId: string; count: Count; recent: Recent[]; locale: Locale; timeZone: string }) {
  const { t } = useTranslation();
  const { eventId, locale, timeZone } = props;
  const url = `/manage/events/${eventId}/checkin/scan`;
  const [count, setCount] = useState(props.count);
  const [shown, setShown] = useState<Shown[]>([]);
  const [waiting, setWaiting] = useState(0);
  const [code, setCode] = useState("");
  const flushing = useRef(false);
  const revalidator = useRevalidator();

  // what the loader brings (polling, or after an undo) is the newest count
  useEffect(() => setCount(props.count), [props.count]);

  const show = useCallback((item: Shown) => setShown((list) => [item, ...list].slice(0, 5)), []);
  const answered = useCallback(
    (answer: Answer) => {
      if (!answer.ok) return show({ kind: "message", tone: "error", text: answer.message });
      setCount(answer.count);
      if (answer.intent === "scan") show({ kind: "answer", answer });
    },
    [show],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    let sent = 0;
    try {
      for (let next = readQueue(eventId)[0]; next; next = readQueue(eventId)[0]) {
        const answer = await send(url, { intent: "scan", code: next.code });
        if (!answer) break;
        dropFirst(eventId);
        sent++;
        answered(answer);
      }
    } finally {
      flushing.current = false;
      setWaiting(readQueue(eventId).length);
      if (sent) {
        show({ kind: "message", tone: "info", text: t("events.checkin.synced", { count: sent }) });
        revalidator.revalidate();
      }
    }
  }, [answered, eventId, revalidator, show, t, url]);

  useEffect(() => {
    setWaiting(readQueue(eventId).length);
    void flush();
    const online = () => void flush();
    window.addEventListener("online", online);
    // the count moves with the other phones at the door too
    const poll = setInterval(() => {
      if (navigator.onLine && revalidator.state === "idle") {
        revalidator.revalidate();
        void flush();
      }
    }, 15_000);
    return () => {
      window.removeEventListener("online", online);
      clearInterval(poll);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page; flush reads the queue itself
  }, [eventId]);

  const scan = useCallback(
    async (value: string) => {
      const answer = navigator.onLine ? await send(url, { intent: "scan", code: value }) : null;
      if (answer) return answered(answer);
      const fresh = enqueue(eventId, value);
      setWaiting(readQueue(eventId).length);
      show({ kind: "message", tone: fresh ? "info" : "error", text: fresh ? t("events.checkin.queued") : t("events.checkin.alreadyQueued") });
    },
    [answered, eventId, show, t, url],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    void scan(code.trim());
    setCode("");
  };

  const undo = async (r: { ticketId: string; name: string }) => {
    const answer = await send(url, { intent: "undo", ticketId: r.ticketId });
    if (!answer) return show({ kind: "message", tone: "error", text: t("events.checkin.failed") });
    answered(answer);
    if (answer.ok) show({ kind: "message", tone: "success", text: t("events.checkin.undone", { name: r.name }) });
    revalidator.revalidate();
  };

  const when = (d: string | Date) => formatDateTime(d, locale, timeZone);
  return (
    <div className="checkin">
      <p className="checkin-count" aria-live="polite">
        {t("events.checkin.count", { checkedIn: count.checkedIn, total: count.total })}
      </p>
      <CameraScanner onCode={(value) => void scan(value)} />
      <form onSubmit={submit} className="stack checkin-form">
        <Field
          name="code"
          label={t("events.checkin.code")}
          hint={t("events.checkin.codeHint")}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
        />
        <button type="submit" className="button">
          {t("events.checkin.checkIn")}
        </button>
      </form>
      {waiting ? <p className="callout">{t("events.checkin.queue", { count: waiting })}</p> : null}
      <div aria-live="polite" className="checkin-results">
        {shown.map((s, i) =>
          s.kind === "message" ? (
            <div key={i} className={`alert ${s.tone}`} role={s.tone === "error" && i === 0 ? "alert" : undefined}>
              {s.text}
            </div>
          ) : (
            <div key={i} className={`alert ${s.answer.outcome === "already" ? "error checkin-again" : "success"}`}>
              <p className="checkin-name">
                {s.answer.outcome === "already" ? t("events.checkin.already", { name: s.answer.name }) : t("events.checkin.checkedIn", { name: s.answer.name })}
              </p>
              {s.answer.outcome === "already" ? (
                <p>
                  {s.answer.checkedInBy
                    ? t("events.checkin.alreadyDetail", { when: when(s.answer.checkedInAt), who: s.answer.checkedInBy })
                    : t("events.checkin.alreadyDetailNobody", { when: when(s.answer.checkedInAt) })}
                </p>
              ) : null}
              <p>{t("events.checkin.ticketType", { type: s.answer.ticketType })}</p>
              {s.answer.answers.length ? (
                <dl className="facts">
                  {s.answer.answers.map((a) => (
                    <div key={a.label}>
                      <dt>{a.label}</dt>
                      <dd>{a.answer}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </div>
          ),
        )}
      </div>
      <h2>{t("events.checkin.recent")}</h2>
      {props.recent.length === 0 ? (
        <p className="empty">{t("events.checkin.none")}</p>
      ) : (
        <ul className="checkin-recent">
          {props.recent.map((r) => (
            <li key={r.ticketId}>
              <span>
                {r.name} · {r.ticketType} · <time dateTime={new Date(r.checkedInAt).toISOString()}>{when(r.checkedInAt)}</time>
                {r.checkedInBy ? ` · ${r.checkedInBy}` : ""}
              </span>{" "}
              <button type="button" className="button secondary" onClick={() => void undo(r)} aria-label={t("events.checkin.undoLabel", { name: r.name })}>
                {t("events.checkin.undo")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
