/**
 * The answers the proxy gives without the app: 429 when a client has missed too often, 503 while the
 * database is down. Pages get a short, friendly HTML page (in the visitor's language) that reloads
 * itself; the API gets RFC 9457.
 */
import { problem } from "../api/problem";
import type { ProblemType } from "../api/problem";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translate";
// Translators edit the messages; a stray "<" or "&" there must not become markup.
import { escapeHtml } from "./html";


const PAGES = {
  429: { title: "refusal.tooManyTitle", text: "refusal.tooManyText" },
  503: { title: "refusal.unavailableTitle", text: "refusal.unavailableText" },
} as const;

export function refusal(status: 429 | 503, path: string, retryAfterSeconds: number, nonce: string, locale: Locale = "en"): Response {
  const t = translator(locale);
  const headers: Record<string, string> = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };
  if (path.startsWith("/api/")) {
    const type: ProblemType = status === 429 ? "rate-limited" : "unavailable";
    return new Response(JSON.stringify(problem(type, undefined, t)), { status, headers: { ...headers, "Content-Type": "application/problem+json" } });
  }
  const title = escapeHtml(t(PAGES[status].title));
  const text = escapeHtml(t(PAGES[status].text));
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><meta http-equiv="refresh" content="${Math.max(5, retryAfterSeconds)}"><title>${title} · Planado</title>` +
    `<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}` +
    `@media (prefers-color-scheme:dark){body{background:#0f172a;color:#f1f5f9}}</style></head>` +
    `<body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
  return new Response(html, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
