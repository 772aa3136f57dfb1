/**
 * What our server does with a request it hands to Next (everything off the participant's path): the
 * same pipeline as its own answers (lib/pipeline/). Admission first (a form post from another site,
 * then the rest; a refusal is answered here, in the participant's pages' look, and Next never sees
 * the request); then the headers Next's pages read (the client, the language, the nonce); and the
 * pipeline's response headers on whatever Next writes.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { withToken } from "@/lib/http/answer";
import { localeOfRequest } from "@/lib/i18n/locales";
import { admit, admitPost } from "@/lib/pipeline/admission";
import { nextRequestHeaders } from "@/lib/pipeline/request-headers";
import { finishAnswer, pipelineHeaders, POLICY_HEADER, varyTokens } from "@/lib/pipeline/response-headers";
import { isFile, isQuiet } from "@/lib/pipeline/capability-paths";
import { nodeHeaders } from "@/lib/request";
import { newNonce } from "@/lib/security/csp";
import type { PageSetup } from "./pages/invitation-html";
import { crossSiteAnswer, refusedAnswer } from "./refusals";
import { send } from "./send";

export type NextHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

export async function handToNext(request: IncomingMessage, response: ServerResponse, url: URL, client: string, next: NextHandler, setup: PageSetup) {
  const path = url.pathname;
  if (admitPost(request.method ?? "", path, nodeHeaders(request.headers)).status === "refused") {
    const visitor = localeOfRequest(url, nodeHeaders(request.headers));
    send(request, response, finishAnswer(path, await crossSiteAnswer({ visitor, setup })));
    return;
  }
  const admission = await admit(path, client);
  if (admission.status === "refused") {
    const visitor = localeOfRequest(url, nodeHeaders(request.headers));
    const refused = await refusedAnswer({ status: admission.code, retryAfterSeconds: admission.retryAfterSeconds, url, visitor, setup });
    send(request, response, finishAnswer(path, refused));
    return;
  }
  // Files and the health check run no page: the strictest policy, no nonce, no language.
  const nonce = isQuiet(path) ? undefined : newNonce();
  if (nonce) Object.assign(request.headers, nextRequestHeaders(url, nodeHeaders(request.headers), client, nonce));
  // A file may bring a stricter policy of its own: kept.
  applyOnWriteHead(response, pipelineHeaders(path, nonce ? { nonce } : {}), varyTokens(path), isFile(path));
  return next(request, response);
}

/**
 * Sets the pipeline's headers on a response when its head is written, over whatever the handler set
 * (Next replaces Vary with its own list, so the tokens are added to it). `keepOwnPolicy`: a
 * Content-Security-Policy the handler set stays.
 */
export function applyOnWriteHead(response: ServerResponse, headers: Record<string, string>, varyTokens: string[], keepOwnPolicy = false): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    // Headers handed to writeHead itself (an object, or Node's flat [name, value, …] list) join the
    // others first, so the pipeline's win over them too.
    const last = rest[rest.length - 1];
    if (last && typeof last === "object") {
      for (const [name, value] of headerPairs(last)) this.setHeader(name, value);
      rest = rest.slice(0, -1);
    }
    for (const [name, value] of Object.entries(headers)) {
      if (!(keepOwnPolicy && name === POLICY_HEADER && this.hasHeader(name))) this.setHeader(name, value);
    }
    let vary = this.getHeader("vary");
    for (const token of varyTokens) vary = withToken(Array.isArray(vary) ? vary.join(", ") : vary === undefined ? undefined : String(vary), token);
    if (vary !== undefined && vary !== "") this.setHeader("Vary", vary);
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as ServerResponse["writeHead"];
}

/** writeHead's headers as pairs: an object, a flat [name, value, …] list, or a list of [name, value] pairs. */
function headerPairs(headers: object): [string, string | number | readonly string[]][] {
  if (!Array.isArray(headers)) return Object.entries(headers as Record<string, string | number | string[]>);
  if (headers.every((entry) => Array.isArray(entry))) return headers as [string, string][];
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]), String(headers[i + 1])]);
  return pairs;
}
