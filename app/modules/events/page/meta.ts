import type { MetaFunction } from "@remix-run/react";

// What a shared link shows (Open Graph): the event's title, summary and cover image, in the
// viewer's language, after the page's <title>.
// The page sends its texts in the viewer's language only (decision 008, eighth pass).
type EventMeta = { event: { title: string; summary: string; coverUrl: string }; appUrl: string; url: string };

export function eventMeta(base: MetaFunction): MetaFunction {
  return (args) => {
    const tags = base(args) ?? [];
    const data = args.data as EventMeta | undefined;
    if (!data?.event) return tags;
    const description = data.event.summary.slice(0, 300);
    const image = data.event.coverUrl ? new URL(data.event.coverUrl, data.appUrl).toString() : null;
    return [
      ...tags,
      { name: "description", content: description },
      { property: "og:type", content: "website" },
      { property: "og:title", content: data.event.title },
      { property: "og:description", content: description },
      { property: "og:url", content: data.url },
      ...(image ? [{ property: "og:image", content: image }] : []),
      { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    ];
  };
}
