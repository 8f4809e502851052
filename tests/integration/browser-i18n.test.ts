import { describe, expect, it } from "vitest";
import light from "~/platform/i18n/browser/i18next";
import { LOCALES, registeredStrings, tFor, type Tree } from "~/platform/i18n/i18n";
import "~/strings";

// The browser renders with app/platform/i18n/browser/i18next.ts, the server with i18next: a page
// hydrates only if both give the same text for every string, in every language (decision 008).
type Leaf = { key: string; text: string };
const leaves = (tree: Tree, prefix = ""): Leaf[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [{ key: prefix + k, text: v }] : leaves(v, `${prefix}${k}.`)));

describe("the browser's i18n", () => {
  for (const locale of LOCALES) {
    it(`gives i18next's text for every ${locale} string, with values, counts and values left out`, () => {
      const server = tFor(locale);
      const browser = light.createInstance();
      void browser.init({ lng: locale, resources: { [locale]: { translation: registeredStrings(locale) } } });
      let compared = 0;
      for (const { key, text } of leaves(registeredStrings(locale))) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, "");
        const names = [...text.matchAll(/{{(.+?)}}/g)].map((m) => m[1]!.trim());
        const given = Object.fromEntries(names.map((n, i) => [n, i % 2 ? 7 : `<${n}>`]));
        const cases: Record<string, unknown>[] = [given, {}, ...[0, 1, 2, 21].map((count) => ({ ...given, count }))];
        for (const options of cases) {
          expect(browser.t(base, options), `${locale} ${base} ${JSON.stringify(options)}`).toBe(server(base, options));
          compared++;
        }
        expect(browser.t(base)).toBe(server(base));
      }
      for (const odd of ["no.such.key", "app", "nav", "", "a:b", "app:name"]) expect(browser.t(odd), odd).toBe(server(odd));
      expect(compared).toBeGreaterThan(1000);
    });
  }
});
