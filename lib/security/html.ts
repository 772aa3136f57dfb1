/**
 * HTML built by hand, for the few pages answered without React (the proxy's 429/503 pages, the
 * calendar routes' error page): escaping, and the one small page they share.
 */

/** Escapes text for HTML: text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PlainPage {
  locale: string;
  /** Plain text (escaped here), for the title and the heading. */
  title: string;
  /** Plain text (escaped here), one paragraph. */
  text: string;
  /** A link home under the text. */
  homeHref?: string;
  /** Reload the page after this many seconds. */
  refreshSeconds?: number;
  /** The request's CSP nonce: the style carries it, or the page goes unstyled. */
  nonce?: string | null;
}

const STYLE =
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}a{color:inherit}" +
  "@media (prefers-color-scheme:dark){body{background:#0f172a;color:#f1f5f9}}";

/** A short, readable page in light and dark, not for search engines. */
export function plainPage(page: PlainPage): string {
  const title = escapeHtml(page.title);
  // The nonce goes into an attribute: only the characters a nonce is made of.
  const style = page.nonce && /^[A-Za-z0-9+/=_-]+$/.test(page.nonce) ? `<style nonce="${page.nonce}">${STYLE}</style>` : "";
  const refresh = page.refreshSeconds ? `<meta http-equiv="refresh" content="${Math.round(page.refreshSeconds)}">` : "";
  const home = page.homeHref ? `<p><a href="${escapeHtml(page.homeHref)}">Planado</a></p>` : "";
  return (
    `<!doctype html><html lang="${escapeHtml(page.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex">${refresh}<title>${title} · Planado</title>${style}</head>` +
    `<body><main><h1>${title}</h1><p>${escapeHtml(page.text)}</p>${home}</main></body></html>`
  );
}
