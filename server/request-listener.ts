/**
 * What our server does with each request: decides who the client is (from the socket, and
 * X-Forwarded-For only from a trusted proxy), forgets headers only it or a trusted proxy may set,
 * refuses or redirects what Next would answer badly (./request-target.ts), holds a body until it has
 * arrived within its limits (./request-limits.ts), then answers from memory (the participant's
 * stylesheet, the favicon), on the participant's path
 * (./fast-path.ts), or through Next (./next-door.ts). Every answer goes through the same request
 * pipeline (lib/pipeline/).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { reportFailure } from "@/lib/failures";
import { answer as plainAnswer } from "@/lib/http/answer";
import { finishAnswer } from "@/lib/pipeline/response-headers";
import { FORWARDING_HEADERS, INTERNAL_HEADERS } from "@/lib/pipeline/request-headers";
import { CLIENT_HEADER, nodeHeaders } from "@/lib/request";
import { clientAddress, clientKey, isTrustedProxy } from "@/lib/security/client-address";
import type { Assets } from "./assets";
import { answerRoute } from "./fast-path";
import { handToNext } from "./next-door";
import type { NextHandler } from "./next-door";
import { bodyRefusal, hasBody, holdBody, REQUEST_LIMITS } from "./request-limits";
import type { HeldBody, RequestLimits } from "./request-limits";
import { checkTarget } from "./request-target";
import { participantRoute } from "./routes";
import { send } from "./send";

export interface ListenerOptions {
  trusted: BlockList;
  /** The files our server answers itself (the participant's stylesheet, the favicon). */
  assets: Assets;
  /** Next's request handler, for everything off the participant's path. */
  handleNext: NextHandler;
  /** How large and slow a request may be (./request-limits.ts); tests make them small. */
  limits?: RequestLimits;
}

/** The request's client, with the headers nobody we trust set removed. */
function acceptHeaders(request: IncomingMessage, trusted: BlockList): string {
  const socket = request.socket.remoteAddress;
  const client = clientKey(clientAddress(socket, request.headers["x-forwarded-for"], trusted));
  for (const name of INTERNAL_HEADERS) delete request.headers[name];
  if (!isTrustedProxy(socket, trusted)) for (const name of FORWARDING_HEADERS) delete request.headers[name];
  request.headers[CLIENT_HEADER] = client;
  return client;
}

/** What the server does with each request; apart from startServer so tests can give it a stand-in Next. */
export function requestListener({ trusted, assets, handleNext, limits = REQUEST_LIMITS }: ListenerOptions) {
  const setup = { stylesheet: assets.stylesheet };

  const answer = async (request: IncomingMessage, response: ServerResponse, url: URL, client: string, body?: Promise<HeldBody>) => {
    if (body) {
      // Nobody sees a request before its whole body has arrived, within the limits.
      const held = await body;
      if (held.status === "gone") return void response.destroy();
      if (held.status !== "received") return send(request, response, finishAnswer(url.pathname, bodyRefusal(url.pathname, held.status)));
      held.release();
    }
    const method = request.method ?? "";
    const file = assets.answerFor(method, url.pathname);
    if (file) return send(request, response, finishAnswer(url.pathname, file));
    const route = participantRoute(method, url.pathname);
    if (!route) return handToNext(request, response, url, client, handleNext, setup);
    const visit = { method: method === "HEAD" ? "HEAD" : "GET", url, headers: nodeHeaders(request.headers), client, now: new Date() } as const;
    send(request, response, await answerRoute(visit, route, setup));
  };

  return (request: IncomingMessage, response: ServerResponse) => {
    const client = acceptHeaders(request, trusted);
    // "OPTIONS *" asks about the server, not a page: what it allows. (Next would fail on it.)
    if (request.url === "*") {
      send(
        request,
        response,
        finishAnswer("/", plainAnswer(request.method === "OPTIONS" ? 204 : 400, { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" })),
      );
      return;
    }
    const target = checkTarget(request.method ?? "", request.url ?? "/", request.headers.host, request.headers.origin);
    if (target.status === "refused") return send(request, response, finishAnswer(target.path, target.answer));
    if (target.status === "rewritten") request.url = target.target;
    let url: URL;
    try {
      url = new URL(request.url ?? "/", "http://planado.invalid");
    } catch {
      send(request, response, finishAnswer("/", plainAnswer(400, { "Content-Type": "text/plain; charset=utf-8" }, "Bad request")));
      return;
    }
    // Held now, in the request's own tick, before the parser hands on any of the body.
    const body = hasBody(request) ? holdBody(request, limits) : undefined;
    answer(request, response, url, client, body).catch((error: unknown) => {
      // Every answer handles its own failures; this is the last line (say, a broken socket).
      reportFailure("server", error);
      if (!response.headersSent)
        send(request, response, finishAnswer("/", plainAnswer(500, { "Content-Type": "text/plain; charset=utf-8" }, "Internal error")));
      else response.destroy();
    });
  };
}
