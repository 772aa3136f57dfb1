/**
 * The answers the proxy gives without the app: 429 when a client has missed too often, 503 while the
 * database is down. Pages get a short, friendly HTML page that reloads itself; the API gets RFC 9457.
 */
import { problem } from "../api/problem";
import type { ProblemType } from "../api/problem";

const PAGES = {
  429: {
    title: "Too many attempts",
    text: "This address looked up too many links that do not exist. Please wait a moment, then check the link you were given.",
  },
  503: {
    title: "Planado is unavailable for a moment",
    text: "Planado cannot reach its database right now. Your conference is safe. This page tries again by itself.",
  },
} as const;

export function refusal(status: 429 | 503, path: string, retryAfterSeconds: number, nonce: string): Response {
  const headers: Record<string, string> = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };
  if (path.startsWith("/api/")) {
    const type: ProblemType = status === 429 ? "rate-limited" : "unavailable";
    return new Response(JSON.stringify(problem(type)), { status, headers: { ...headers, "Content-Type": "application/problem+json" } });
  }
  const page = PAGES[status];
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><meta http-equiv="refresh" content="${Math.max(5, retryAfterSeconds)}"><title>${page.title} · Planado</title>` +
    `<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}` +
    `@media (prefers-color-scheme:dark){body{background:#0f172a;color:#f1f5f9}}</style></head>` +
    `<body><main><h1>${page.title}</h1><p>${page.text}</p></main></body></html>`;
  return new Response(html, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
