/**
 * Renders the participant's pages to HTML with React (the same components as the app's chrome). A
 * wait page changes every millisecond only in one number (the time left); it is rendered once per
 * second and that number is put in per request (see waitTemplate).
 */
import { randomBytes } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { escapeHtml } from "@/lib/security/html";
import { Document } from "./document";
import type { DocumentProps } from "./document";

export function renderDocument({ refresh, retry, ...props }: DocumentProps): string {
  const scripts = retry ? `<script>${retryScript(retry)}</script>` : "";
  const html = `<!DOCTYPE html>${renderToStaticMarkup(<Document {...props} />)}`.replace("</body>", `${scripts}</body>`);
  // Reloads the page without script (the page's script, when it runs, stops it). First in the head,
  // where every engine reads it (ELinks ignores one after <meta charset>; React would put that
  // first), and with its address: a browser that only offers a refresh as a link (Dillo) links here.
  if (refresh)
    return html.replace("<head>", `<head><meta http-equiv="refresh" content="${escapeHtml(`${refresh.seconds}; url=${refresh.href}`)}" id="refresh">`);
  if (retry) return html.replace("<head>", `<head><noscript><meta http-equiv="refresh" content="${retry}"></noscript>`);
  return html;
}

/** The script that tries a page again after `seconds`: the same text for the same seconds, allowed by its hash. */
export function retryScript(seconds: number): string {
  return `setTimeout(function(){location.reload()},${Math.round(seconds) * 1000})`;
}

/**
 * `value` as JSON to stand inside a <script type="application/json">: nothing in it can close the
 * element or start markup, whatever text it holds.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
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
