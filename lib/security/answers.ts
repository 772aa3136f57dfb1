/**
 * The refusals of the request pipeline (lib/pipeline/admission.ts), and of a look-up over its miss
 * limit: 429 when a client has missed too often, 503 while the database is down, 403 for a form post
 * another site sent. Pages get a short, friendly HTML page (in the visitor's language) that reloads
 * itself (a 403 does not: the same post would be refused again); the API gets RFC 9457.
 */
import { problem } from "../http/problem";
import { answer } from "../http/answer";
import type { Answer } from "../http/answer";
import type { ProblemType } from "../http/problem";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { plainPage } from "./html";

const PAGES = {
  403: { title: "refusal.crossSiteTitle", text: "refusal.crossSiteText" },
  429: { title: "refusal.tooManyTitle", text: "refusal.tooManyText" },
  503: { title: "refusal.unavailableTitle", text: "refusal.unavailableText" },
} as const;

/** What a refusal's page says, and when it tries again (never sooner than 5 s; a cross-site post's never). */
export function refusalTexts(
  status: keyof typeof PAGES,
  retryAfterSeconds: number,
  locale: Locale = "en",
): { title: string; text: string; refreshSeconds?: number } {
  const t = translator(locale);
  const texts = { title: t(PAGES[status].title), text: t(PAGES[status].text) };
  return status === 403 ? texts : { ...texts, refreshSeconds: Math.max(5, retryAfterSeconds) };
}

/**
 * 429 or 503: a problem document for the API, else a page, written by `page` (our server's, in the
 * participant's pages' look) or as a plain page with its style and retry allowed by `nonce`.
 */
export function refusal(status: 429 | 503, path: string, retryAfterSeconds: number, nonce: string, locale: Locale = "en", page?: () => string): Answer {
  const headers: Record<string, string> = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };
  if (path.startsWith("/api/")) {
    const type: ProblemType = status === 429 ? "rate-limited" : "unavailable";
    return answer(status, { ...headers, "Content-Type": "application/problem+json" }, JSON.stringify(problem(type, undefined, translator(locale))));
  }
  const html = page ? page() : plainPage({ locale, nonce, ...refusalTexts(status, retryAfterSeconds, locale) });
  return answer(status, { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Language": locale }, html);
}

/**
 * 403 for a form post another site sent (lib/pipeline/origin.ts), with the page our server wrote
 * from refusalTexts(403). Never for the API, whose writes are not checked for their origin.
 */
export function crossSiteRefusal(locale: Locale, html: string): Answer {
  return answer(403, { "Cache-Control": "no-store", "Content-Type": "text/html; charset=utf-8", "Content-Language": locale }, html);
}
