/** What every API route hands to lib/api, and answers for the methods a route does not offer. */
import { apiContext as contextOf, apiTranslator } from "@/lib/api/context";
import type { ApiContext } from "@/lib/api/handlers";
import { methodNotAllowed, preflight } from "@/lib/api/http";
import { getConfig } from "@/lib/env";
import { toResponse } from "@/lib/http/answer";

export function apiContext(request: Request): ApiContext {
  return contextOf(request.headers, new Date());
}

type Handler = (request: Request) => Response | Promise<Response>;
const ALL = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * Handlers for the methods a route does not offer (RFC 9457 405 with Allow) and for CORS preflight,
 * so that every method gets a proper answer.
 */
export function otherMethods(offered: string[]): Record<string, Handler> {
  const handlers: Record<string, Handler> = {
    OPTIONS: (request) => toResponse(preflight(request.headers.get("origin"), getConfig().API_CORS_ORIGINS, offered)),
  };
  for (const method of ALL) {
    if (!offered.includes(method)) handlers[method] = (request) => toResponse(methodNotAllowed(offered, apiTranslator(request.headers)));
  }
  return handlers;
}
