import { plainTextSelectors, render } from "@react-email/render";
import { compile } from "html-to-text";
import { createElement, Suspense, type ReactElement } from "react";
import { renderToString } from "react-dom/server";

// What React Email's `render` puts before the markup (its node build, @react-email/render 2.x).
const DOCTYPE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`;

/**
 * A mail's HTML document, the same string React Email's `render(element)` gives, at a quarter of
 * its cost (decision 008, seventh pass, posts): `render` streams the element inside a Suspense
 * boundary (`renderToPipeableStream`, read back through a Writable) and prefixes its doctype.
 * React 18's `renderToString` writes the same Fizz markup for the same tree, boundary comments
 * included, synchronously. Where it cannot — a template that suspends or throws inside the boundary
 * (`<!--$!-->`, a client-rendered fallback), or React writing an image preload link, which `render`
 * strips — React Email's own render is used, so the result (or its error) is always `render`'s.
 */
export async function mailHtml(element: ReactElement): Promise<string> {
  let markup: string | null = null;
  try {
    markup = renderToString(createElement(Suspense, null, element));
  } catch {
    markup = null;
  }
  if (markup === null || markup.includes("<!--$!") || markup.includes("<link")) return render(element);
  return DOCTYPE + markup.replace(/<!DOCTYPE.*?>/, "");
}

// React Email's `toPlainText(html)` is html-to-text's `convert` with these options, which compiles
// its selectors anew on every call (most of a mail's text conversion); compiled once here.
const convert = compile({ wordwrap: false, selectors: plainTextSelectors });

/** A mail's plain text from its HTML: what React Email's `toPlainText(html)` gives. */
export function mailText(html: string): string {
  return convert(html);
}
