// html-to-text ships no types; only `compile` is used (render.server.ts).
declare module "html-to-text" {
  export function compile(options: { wordwrap: false | number; selectors: readonly object[] }): (html: string) => string;
}
