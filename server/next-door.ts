/**
 * What our server does with a request it hands to Next (everything off the participant's path): the
 * same pipeline as its own answers (lib/pipeline/). Admission first (a refusal is answered here, in
 * the participant's pages' look, and Next never sees the request); then the headers Next's pages read
 * (the client, the language, the nonce); and the pipeline's response headers on whatever Next writes.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { withToken } from "@/lib/http/answer";
import { localeOfRequest } from "@/lib/i18n/locales";
import { admit } from "@/lib/pipeline/admission";
import { nextRequestHeaders } from "@/lib/pipeline/request-headers";
import { finishAnswer, pipelineHeaders, varyTokens } from "@/lib/pipeline/response-headers";
import { isBuildFile } from "@/lib/pipeline/capability-paths";
import { nodeHeaders } from "@/lib/request";
import { newNonce } from "@/lib/security/csp";
import type { PageSetup } from "./pages/invitation-html";
import { refusedAnswer } from "./refusals";
import { send } from "./send";

export type NextHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

export async function handToNext(request: IncomingMessage, response: ServerResponse, url: URL, client: string, next: NextHandler, setup: PageSetup) {
  const path = url.pathname;
  const admission = await admit(path, client);
  if (admission.status === "refused") {
    const visitor = localeOfRequest(url, nodeHeaders(request.headers));
    const refused = await refusedAnswer({ status: admission.code, retryAfterSeconds: admission.retryAfterSeconds, url, visitor, setup });
    send(request, response, finishAnswer(path, refused));
    return;
  }
  // The build's files run no inline code: the strictest policy, no nonce.
  const nonce = isBuildFile(path) ? undefined : newNonce();
  if (nonce) Object.assign(request.headers, nextRequestHeaders(url, nodeHeaders(request.headers), client, nonce));
  applyOnWriteHead(response, pipelineHeaders(path, nonce ? { nonce } : {}), varyTokens(path));
  return next(request, response);
}

/**
 * Sets the pipeline's headers on a response when its head is written, over whatever the handler set
 * (Next replaces Vary with its own list, so the tokens are added to it).
 */
export function applyOnWriteHead(response: ServerResponse, headers: Record<string, string>, varyTokens: string[]): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    // Headers handed to writeHead itself join the others first, so the pipeline's win over them too.
    const last = rest[rest.length - 1];
    if (last && typeof last === "object" && !Array.isArray(last)) {
      for (const [name, value] of Object.entries(last as Record<string, string | number | string[]>)) this.setHeader(name, value);
      rest = rest.slice(0, -1);
    }
    for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
    let vary = this.getHeader("vary");
    for (const token of varyTokens) vary = withToken(Array.isArray(vary) ? vary.join(", ") : vary === undefined ? undefined : String(vary), token);
    if (vary !== undefined && vary !== "") this.setHeader("Vary", vary);
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as ServerResponse["writeHead"];
}
