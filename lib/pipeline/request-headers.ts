/**
 * What our server tells the code behind it about a request, in headers no client can set: it removes
 * whatever a client sent under these names (and the forwarding headers, unless a trusted proxy sent
 * them) and sets its own. Next's pages read the client, the language, the page's own address and the
 * nonce of the Content-Security-Policy from here (Next puts the nonce on the scripts it renders).
 */
import { LOCALE_EXPLICIT_HEADER, LOCALE_HEADER, localeOfRequest, PATH_HEADER } from "../i18n/locales";
import { CLIENT_HEADER } from "../request";
import type { HeaderReader } from "../request";
import { contentSecurityPolicy } from "../security/csp";

/** Where Next's route handlers find the nonce of their answer's Content-Security-Policy. */
export const NONCE_HEADER = "x-nonce";

/** Headers only a trusted proxy may set. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

/** The headers only our server sets (anything a client sent under these names is dropped). */
export const INTERNAL_HEADERS = [CLIENT_HEADER, LOCALE_HEADER, LOCALE_EXPLICIT_HEADER, PATH_HEADER, NONCE_HEADER, "content-security-policy"] as const;

/** The page's own address, without what Next adds to its own requests (`_rsc`, which Next strips too). */
function pageAddress(url: URL): string {
  if (!url.searchParams.has("_rsc")) return url.pathname + url.search;
  const query = new URLSearchParams(url.search);
  query.delete("_rsc");
  const search = query.toString();
  return url.pathname + (search ? `?${search}` : "");
}

/**
 * The headers a request to Next carries: the client (see lib/security/client-address.ts), the
 * language (`?lang=` when the visitor chose one, else the browser's; nothing remembers it, no
 * cookie), the address (for the language switcher) and this answer's nonce.
 */
export function nextRequestHeaders(url: URL, headers: HeaderReader, client: string, nonce: string): Record<(typeof INTERNAL_HEADERS)[number], string> {
  const { locale, explicit } = localeOfRequest(url, headers);
  return {
    [CLIENT_HEADER]: client,
    [LOCALE_HEADER]: locale,
    [LOCALE_EXPLICIT_HEADER]: explicit ? "1" : "0",
    [PATH_HEADER]: pageAddress(url),
    [NONCE_HEADER]: nonce,
    // Next reads the nonce from the request's policy.
    "content-security-policy": contentSecurityPolicy({ nonce }),
  } as Record<(typeof INTERNAL_HEADERS)[number], string>;
}
