import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale } from "~/platform/i18n/i18n";
import { loadPreloadedStrings } from "~/platform/i18n/strings-client";

// The page's strings first (the document preloads them), then hydration. Without them
// the page stays as the server rendered it, its links and forms working without JavaScript.
const lang = document.documentElement.lang;
const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
loadPreloadedStrings(locale).then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  (error: unknown) => console.error("The page's strings did not load; it works without JavaScript.", error),
);
