import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale, receiveStrings } from "~/platform/i18n/i18n";

declare global {
  interface Window {
    // Set by the root layout's strings script (app/routes/strings.$file.ts), which runs before this module.
    __strings?: { locale: string; tree: Parameters<typeof receiveStrings>[1] };
  }
}

const strings = window.__strings;
if (strings && isLocale(strings.locale)) receiveStrings(strings.locale, strings.tree);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
