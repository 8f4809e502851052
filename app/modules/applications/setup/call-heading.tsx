import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CallTabs, When } from "./ui";
import type { Bilingual } from "~/platform/i18n/i18n";

/** The top of every manager page of a call: programme link, title, status, dates, section tabs. */
export function CallHeading({
  call,
  title,
}: {
  call: { id: string; programmeId: string; programmeName: Bilingual; title: Bilingual; status: string; opensAt: Date; closesAt: Date; timeZone: string };
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <header className="call-heading">
      <p>
        <Link to={`/manage/programmes/${call.programmeId}`}>{call.programmeName[lang]}</Link>
      </p>
      <h1>
        {call.title[lang]}: {title}
      </h1>
      <p className="tag">
        <span className={`status status-${call.status}`}>{t(`setup.status.${call.status}`)}</span> · {t("setup.opens")}{" "}
        <When at={call.opensAt} zone={call.timeZone} /> · {t("setup.closes")} <When at={call.closesAt} zone={call.timeZone} />
      </p>
      <CallTabs callId={call.id} />
    </header>
  );
}
