import { createContext, useContext, type ReactNode } from "react";
import type { i18n as I18n } from "./i18next";

// The browser's stand-in for react-i18next, beside ./i18next.ts: the provider the root renders and
// useTranslation's { t, i18n }. A change of language gives the provider another instance.
const Context = createContext<I18n | null>(null);

export function I18nextProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return <Context.Provider value={i18n}>{children}</Context.Provider>;
}

export function useTranslation() {
  const i18n = useContext(Context);
  if (!i18n) throw new Error("useTranslation outside the root's I18nextProvider");
  return { t: i18n.t, i18n, ready: true };
}
