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

/** A rendered page cut at its slots; `fill` joins it with the values. */
export type Template = readonly string[];

export function cut(html: string): Template {
  return html.split(NUMBER_SLOT);
}

export function fill(template: Template, value: number): string {
  return template.join(String(Math.round(value)));
}
