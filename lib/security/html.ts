/**
 * HTML built by hand, for the few pages answered without React (the
 * calendar routes' error page): escaping, and the one small page they share.
 */

import { isLocale, textDirection } from "../i18n/locales";

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
  const nonce = page.nonce && /^[A-Za-z0-9+/=_-]+$/.test(page.nonce) ? page.nonce : undefined;
  const style = nonce ? `<style nonce="${nonce}">${STYLE}</style>` : "";
  const dir = isLocale(page.locale) ? textDirection(page.locale) : "ltr";
  const home = page.homeHref ? `<p><a href="${escapeHtml(page.homeHref)}">Planado</a></p>` : "";
  return (
    `<!doctype html><html lang="${escapeHtml(page.locale)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex">${refresh(page.refreshSeconds, nonce)}<title>${title} · Planado</title>${style}</head>` +
    `<body><main><h1>${title}</h1><p>${escapeHtml(page.text)}</p>${home}</main></body></html>`
  );
}

/**
 * Trying again by itself: a script where one may run (so the page holds no <meta> refresh, which
 * assistive technology announces as a time limit: axe's meta-refresh), and the <meta> refresh for
 * browsers without script.
 */
function refresh(seconds: number | undefined, nonce: string | undefined): string {
  if (!seconds) return "";
  const meta = `<meta http-equiv="refresh" content="${Math.round(seconds)}">`;
  if (!nonce) return meta;
  return `<noscript>${meta}</noscript><script nonce="${nonce}">setTimeout(function(){location.reload()},${Math.round(seconds) * 1000})</script>`;
}
