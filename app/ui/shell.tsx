import { Form, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";
import { useShellLinks } from "./shell-links";

export type ShellViewer = {
  id: string;
  displayName: string;
  isAdmin: boolean;
  manages: boolean;
  founds: boolean;
  /** the capabilities' entries this viewer gets (app/header-links.server.ts), in the header's order */
  links: { href: string; label: string }[];
  hasAvatar: boolean;
};

/** Wider than this, the menu's contents are always shown (styles.css says the same). */
const WIDE = "(min-width: 800px)";

/** Header, navigation (what the viewer's roles allow), language switch, and the page. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const data = useRouteLoaderData<RootData>("root");
  const viewer = data?.viewer ?? null;
  const location = useLocation();
  const here = location.pathname + location.search;
  const { navLink, onClick } = useShellLinks();
  // On a phone the navigation folds into a <details> menu (works without JavaScript, Enter or
  // Space on its summary opens it); it closes again when the person moves to another page. On a
  // wide screen it is open (CSS shows its contents even before the JavaScript runs).
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = window.matchMedia(WIDE).matches;
  }, [location.pathname]);
  return (
    <>
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <a className="brand" data-discover="true" href="/" onClick={onClick}>
          {t("app.name")}
        </a>
        <details className="site-menu" ref={menu}>
          <summary className="button secondary">{t("app.menu")}</summary>
          <div className="site-menu-body">
        <nav aria-label={t("app.mainNav")}>
          <ul className="nav-list">
            <li>
              {navLink("/", t("nav.home"), true)}
            </li>
            <li>
              {navLink("/orgs", t("nav.organisations"))}
            </li>
            <li>
              {navLink("/calls", t("nav.calls"))}
            </li>
            {viewer ? (
              <li>
                {navLink("/applications", t("nav.applications"))}
              </li>
            ) : null}
            {viewer?.links.map((link) => (
              <li key={link.label}>
                {navLink(link.href, t(link.label))}
              </li>
            ))}
            {viewer?.manages || viewer?.isAdmin ? (
              <li>
                {navLink("/manage", t("nav.manage"))}
              </li>
            ) : null}
            {viewer ? (
              <li>
                {navLink("/account/profile", t("nav.profile"))}
              </li>
            ) : null}
            {viewer?.isAdmin ? (
              <li>
                {navLink("/admin/mail", t("nav.admin"))}
              </li>
            ) : null}
            {data?.mailbox ? (
              <li>
                {navLink("/dev/mailbox", t("nav.mailbox"))}
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="header-actions">
          <Form method="post" action="/language" className="inline-form">
            <input type="hidden" name="locale" value={data?.locale === "vi" ? "en" : "vi"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={data?.locale === "vi" ? "en" : "vi"}>
              {t("app.switchTo")}
            </button>
          </Form>
          {viewer ? (
            <Form method="post" action="/auth/sign-out" className="inline-form">
              <span className="viewer-name">{viewer.displayName}</span>
              <button type="submit" className="button secondary">
                {t("nav.signOut")}
              </button>
            </Form>
          ) : (
            <>
              <a className="button secondary" data-discover="true" href="/auth/sign-in" onClick={onClick}>
                {t("nav.signIn")}
              </a>
              <a className="button" data-discover="true" href="/auth/sign-up" onClick={onClick}>
                {t("nav.signUp")}
              </a>
            </>
          )}
        </div>
          </div>
        </details>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
