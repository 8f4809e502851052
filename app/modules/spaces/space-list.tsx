import { useTranslation } from "react-i18next";
import { formatVnd } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/i18n";
import type { SpaceSummary } from "./list.server";

export function SpaceList({ spaces, locale }: { spaces: SpaceSummary[]; locale: Locale }) {
  const { t } = useTranslation();
  if (spaces.length === 0) return <p className="empty">{t("spaces.none")}</p>;
  return (
    <ul className="cards">
      {spaces.map((s) => (
        <li key={s.id} className="card">
          <h3>{locale === "vi" ? s.nameVi : s.nameEn}</h3>
          <p className="tag">
            {t(`spaces.kinds.${s.kind}`)} · {t("spaces.capacity", { count: s.capacity })} ·{" "}
            {s.hourlyPriceVnd === "0" ? t("spaces.free") : t("spaces.perHour", { price: formatVnd(BigInt(s.hourlyPriceVnd), locale) })}
          </p>
          <p>{locale === "vi" ? s.descriptionVi : s.descriptionEn}</p>
        </li>
      ))}
    </ul>
  );
}
