/**
 * Renders the participant's pages to HTML with React (the same components as the app's chrome). A
 * wait page changes every millisecond only in one number (the time left); it is rendered once per
 * second and that number is put in per request (see waitTemplate).
 */
import { randomBytes } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { Document } from "./document";
import type { DocumentProps } from "./document";

export function renderDocument(props: DocumentProps): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<Document {...props} />)}`;
}

/**
 * Where a per-request number goes in a rendered page: a random word nobody can put into a page's
 * text (a name from a link) because nobody knows it.
 */
export const NUMBER_SLOT = `planado${randomBytes(12).toString("hex")}`;

/**
 * A rendered page cut at its slots, its pieces already encoded as UTF-8: a request only copies them
 * around its number (encoding a whole page per request cost a tenth of the wait page's time).
 */
export type Template = readonly Buffer[];

export function cut(html: string): Template {
  return html.split(NUMBER_SLOT).map((piece) => Buffer.from(piece));
}

/** The page with `value` in every slot (a page without slots as it is). */
export function fill(template: Template, value = 0): Buffer {
  if (template.length === 1) return template[0]!;
  const number = Buffer.from(String(Math.round(value)));
  return Buffer.concat(template.flatMap((piece, i) => (i === 0 ? [piece] : [number, piece])));
}
