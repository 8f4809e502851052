import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";

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
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <details className="site-menu" ref={menu}>
          <summary className="button secondary">{t("app.menu")}</summary>
          <div className="site-menu-body">
        <nav aria-label={t("app.mainNav")}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/orgs">{t("nav.organisations")}</NavLink>
            </li>
            <li>
              <NavLink to="/calls">{t("nav.calls")}</NavLink>
            </li>
            {viewer ? (
              <li>
                <NavLink to="/applications">{t("nav.applications")}</NavLink>
              </li>
            ) : null}
            {viewer?.links.map((link) => (
              <li key={link.label}>
                <NavLink to={link.href}>{t(link.label)}</NavLink>
              </li>
            ))}
            {viewer?.manages || viewer?.isAdmin ? (
              <li>
                <NavLink to="/manage">{t("nav.manage")}</NavLink>
              </li>
            ) : null}
            {viewer ? (
              <li>
                <NavLink to="/account/profile">{t("nav.profile")}</NavLink>
              </li>
            ) : null}
            {viewer?.isAdmin ? (
              <li>
                <NavLink to="/admin/mail">{t("nav.admin")}</NavLink>
              </li>
            ) : null}
            {data?.mailbox ? (
              <li>
                <NavLink to="/dev/mailbox">{t("nav.mailbox")}</NavLink>
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
              <Link to="/auth/sign-in" className="button secondary">
                {t("nav.signIn")}
              </Link>
              <Link to="/auth/sign-up" className="button">
                {t("nav.signUp")}
              </Link>
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
