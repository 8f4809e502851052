// The browser's stand-in for i18next (vite.config.ts swaps it in for the client build only; servers,
// mails and tests keep i18next): the part of it the app uses, with the same results, in 1 kB
// instead of 15 (decision 008). Nested keys with ".", {{name}} interpolation (a value not given
// stays as written, as in i18next), plurals by Intl.PluralRules with _zero/_one/_other suffixes,
// the key itself when there is no string (i18next's words for a branch of the tree).
import { mergeInto } from "../string-parts";

type Tree = { [key: string]: string | Tree };
type Options = Record<string, unknown> & { count?: unknown };
type InitOptions = { lng: string; resources: Record<string, Record<string, Tree>> };

const lookup = (tree: Tree | undefined, key: string): unknown => {
  let node: unknown = tree;
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Tree)[part] : undefined;
  return node;
};

const valueOf = (data: Options, path: string): unknown => {
  if (Object.hasOwn(data, path)) return data[path];
  return lookup(data as Tree, path);
};

export function interpolate(text: string, data: Options): string {
  return text.replace(/{{(.+?)}}/g, (whole, name: string) => {
    const value = valueOf(data, name.trim());
    if (value === undefined) return Object.hasOwn(data, name.trim()) ? "" : whole;
    return value === null ? "" : String(value);
  });
}

class Instance {
  language = "";
  private resources: InitOptions["resources"] = {};
  private plurals: Intl.PluralRules | undefined;

  init(options: InitOptions) {
    this.language = options.lng;
    this.resources = options.resources;
    this.plurals = new Intl.PluralRules(options.lng);
    return Promise.resolve(this.t);
  }

  // Deep, as i18next's with `deep`: the browser receives a language's strings in parts (decision 008).
  addResourceBundle(lng: string, ns: string, tree: Tree) {
    const bundles = (this.resources[lng] ??= {});
    bundles[ns] = mergeInto(bundles[ns] ?? {}, tree);
    return this;
  }

  t = (key: string, options?: Options): string => {
    // "ns:key" names another i18next namespace, which the app has not: i18next answers "key".
    if (key.includes(":")) return key.split(":").slice(1).join(".");
    const tree = this.resources[this.language]?.translation;
    const keys = [key];
    if (typeof options?.count === "number") {
      keys.unshift(`${key}_${this.plurals!.select(options.count)}`);
      if (options.count === 0) keys.unshift(`${key}_zero`);
    }
    for (const k of keys) {
      const found = lookup(tree, k);
      if (typeof found === "string") return options ? interpolate(found, options) : found;
    }
    const branch = lookup(tree, key);
    return branch && typeof branch === "object" ? `key '${key} (${this.language})' returned an object instead of string.` : key;
  };
}

export type i18n = Instance;
export type TFunction = Instance["t"];

export default { createInstance: () => new Instance() };
