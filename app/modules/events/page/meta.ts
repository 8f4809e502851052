import type { MetaFunction } from "@remix-run/react";
import { isLocale, type Locale } from "~/platform/i18n/i18n";

// What a shared link shows (Open Graph): the event's title, summary and cover image, in the
// viewer's language, after the page's <title>.
type EventMeta = { event: { title: { vi: string; en: string }; summary: { vi: string; en: string }; coverUrl: string }; appUrl: string; url: string };

export function eventMeta(base: MetaFunction): MetaFunction {
  return (args) => {
    const tags = base(args) ?? [];
    const data = args.data as EventMeta | undefined;
    if (!data?.event) return tags;
    const root = args.matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
    const locale: Locale = isLocale(root?.locale) ? root.locale : "vi";
    const description = data.event.summary[locale].slice(0, 300);
    const image = data.event.coverUrl ? new URL(data.event.coverUrl, data.appUrl).toString() : null;
    return [
      ...tags,
      { name: "description", content: description },
      { property: "og:type", content: "website" },
      { property: "og:title", content: data.event.title[locale] },
      { property: "og:description", content: description },
      { property: "og:url", content: data.url },
      ...(image ? [{ property: "og:image", content: image }] : []),
      { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    ];
  };
}
