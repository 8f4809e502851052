import { useLocation, useNavigate, useNavigation } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";

/**
 * The header's links without a `Link`/`NavLink` each: those resolve their path, encode it through a
 * `URL` and set up prefetch handlers per link on every render (about 5 % of an empty page's server
 * CPU, decision 008, fifth pass). The header's paths are absolute, so the current section is found
 * once, from the location, with NavLink's rule; one click handler, shared by the links, does what
 * `Link`'s does. The markup is NavLink's and Link's (classes `active`/`pending`, `aria-current="page"`,
 * `data-discover` for lazy route discovery).
 */
export function useShellLinks() {
  const location = useLocation();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const here = location.pathname.toLowerCase();
  const next = navigation.location ? navigation.location.pathname.toLowerCase() : null;

  /** `Link`'s click: a plain left click on one of the header's links navigates inside the app. */
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    const link = event.currentTarget;
    const target = link.getAttribute("target");
    const to = link.getAttribute("href");
    if ((target && target !== "_self") || !to?.startsWith("/") || to.startsWith("//")) return;
    event.preventDefault();
    // as Link does: the link to where one is replaces the history entry instead of adding one
    navigate(to, { replace: location.pathname + location.search + location.hash === to });
  };

  /** NavLink's `isActive`/`isPending` for an absolute path (`end`: this path only, not the ones under it). */
  const navLink = (to: string, label: ReactNode, end = false) => {
    const path = pathOf(to).toLowerCase();
    const slashAt = path !== "/" && path.endsWith("/") ? path.length - 1 : path.length;
    const active = here === path || (!end && here.startsWith(path) && here.charAt(slashAt) === "/");
    const pending = next !== null && (next === path || (!end && next.startsWith(path) && next.charAt(path.length) === "/"));
    return (
      <a
        aria-current={active ? "page" : undefined}
        data-discover="true"
        className={active ? (pending ? "active pending" : "active") : pending ? "pending" : ""}
        href={to}
        onClick={onClick}
      >
        {label}
      </a>
    );
  };

  return { navLink, onClick };
}

const pathOf = (to: string) => {
  const end = to.search(/[?#]/);
  return end === -1 ? to : to.slice(0, end);
};
