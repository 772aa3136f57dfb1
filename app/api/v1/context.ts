/** What every API route hands to lib/api: the moment, the base for links, the client's address. */
import type { ApiContext } from "@/lib/api/handlers";
import { methodNotAllowed, preflight } from "@/lib/api/http";
import { getConfig } from "@/lib/env";
import { negotiateLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { clientAddress, requestBaseUrl } from "@/lib/request";

export function apiContext(request: Request): ApiContext {
  return {
    now: new Date(),
    baseUrl: requestBaseUrl(request.headers, getConfig().PUBLIC_URL),
    client: clientAddress(request.headers),
    t: apiTranslator(request),
  };
}

/** API clients choose their language with Accept-Language only (no ?lang=: URLs stay stable). */
function apiTranslator(request: Request) {
  return translator(negotiateLocale(request.headers.get("accept-language")));
}

type Handler = (request: Request) => Response | Promise<Response>;
const ALL = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * Handlers for the methods a route does not offer (RFC 9457 405 with Allow) and for CORS preflight,
 * so that every method gets a proper answer.
 */
export function otherMethods(offered: string[]): Record<string, Handler> {
  const handlers: Record<string, Handler> = {
    OPTIONS: (request) => preflight(request, getConfig().API_CORS_ORIGINS, offered),
  };
  for (const method of ALL) if (!offered.includes(method)) handlers[method] = (request) => methodNotAllowed(offered, apiTranslator(request));
  return handlers;
}
