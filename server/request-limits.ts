/**
 * How much a request may weigh and how long it may take to arrive, enforced by our server before
 * anyone reads it. Next copies a whole body (up to 10 MB by default) before a route's own limit runs,
 * so a client could park megabytes per connection; here a body larger than any endpoint accepts is
 * refused with 413 before it is read, and the rest is held (at most MAX_REQUEST_BODY_BYTES) until it
 * has all arrived, so Next never sees a body that is too large, too slow or abandoned half-way.
 */
import type { IncomingMessage, ServerOptions, ServerResponse } from "node:http";
import { answer } from "@/lib/http/answer";
import type { Answer } from "@/lib/http/answer";
import { problemAnswer } from "@/lib/api/http";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/pipeline/limits";

export interface RequestLimits {
  maxBodyBytes: number;
  /** From a request's first byte to the end of its headers. */
  headersTimeoutMs: number;
  /** From the end of its headers to the end of its body. */
  bodyTimeoutMs: number;
}

export const REQUEST_LIMITS: RequestLimits = { maxBodyBytes: MAX_REQUEST_BODY_BYTES, headersTimeoutMs: 10_000, bodyTimeoutMs: 30_000 };

/** Every header of a request together: Planado sets no cookies, so a real client's are a fraction of this. Node answers 431 past it. */
export const MAX_HEADER_BYTES = 8 * 1024;

/**
 * node:http's options for these limits. Node checks its timeouts every `connectionsCheckingInterval`
 * (30 s by default, which would triple the headers' 10 s): a tenth of the headers' time keeps them close.
 */
export function serverOptions(limits: RequestLimits = REQUEST_LIMITS): ServerOptions {
  return {
    maxHeaderSize: MAX_HEADER_BYTES,
    headersTimeout: limits.headersTimeoutMs,
    // The whole request (our own timer holds the body to its part of it: holdBody).
    requestTimeout: limits.headersTimeoutMs + limits.bodyTimeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.floor(limits.headersTimeoutMs / 10)),
  };
}

/**
 * A request that asks before sending its body (`Expect: 100-continue`, as curl does past 1 MB) is told
 * to go on only when its body may be accepted; a larger one gets its 413 without having sent it.
 * Node invites every such body when nobody listens for "checkContinue".
 */
export function continueUnlessTooLarge(listener: (request: IncomingMessage, response: ServerResponse) => void, limits: RequestLimits = REQUEST_LIMITS) {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (!(Number(request.headers["content-length"] ?? 0) > limits.maxBodyBytes)) response.writeContinue();
    listener(request, response);
  };
}

/** Whether a request comes with a body (GET and HEAD without one, the fast path's, pay nothing more). */
export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** The answer when a body is too large (413) or too slow (408): the connection closes after it, the rest unread. */
export function bodyRefusal(path: string, outcome: "too-large" | "too-slow"): Answer {
  const close = { connection: "close" };
  if (outcome === "too-large" && path.startsWith("/api/")) return problemAnswer("body-too-large", { headers: close });
  const [status, text] = outcome === "too-large" ? [413, "Request body too large"] : [408, "Request body too slow"];
  return answer(status, { "Content-Type": "text/plain; charset=utf-8", ...close }, text);
}

export type HeldBody =
  | { status: "received"; release: () => void }
  | { status: "too-large" }
  | { status: "too-slow" }
  /** The client went away before its body arrived: nothing to answer, nothing to log. */
  | { status: "gone" };

type Push = IncomingMessage["push"];

/**
 * What becomes of a refused body: dropped, and "false" tells Node's parser to stop reading the
 * connection (as a full buffer would), so the client's upload stalls instead of costing us the time
 * to take it in. The answer still goes out, and the connection closes after it.
 */
const DROP = (() => false) as Push;

/** How long a refused upload's connection stays open after the answer: time for the client to read it. */
const LINGER_MS = 2_000;

/**
 * Closing a connection while the client still uploads makes the kernel reset it, and the client may
 * lose the answer with it: after a refusal our side closes first (the answer, then the end of our
 * half), and the connection itself only when the client has gone or after LINGER_MS.
 */
function lingerAfterAnswer(request: IncomingMessage): void {
  const socket = request.socket;
  socket.destroySoon = function (this: typeof socket) {
    this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    this.once("close", () => clearTimeout(timer));
  };
}

function refuse(request: IncomingMessage, status: "too-large" | "too-slow"): HeldBody {
  request.push = DROP;
  lingerAfterAnswer(request);
  return { status };
}

/** What a held body starts with (most form posts are far smaller); it grows as needed. */
const INITIAL_HOLD_BYTES = 4 * 1024;

/**
 * Receives a request's body before anyone reads it: refused by its Content-Length at once, else
 * counted as it arrives (chunked bodies have no length) and given up past `maxBodyBytes` or
 * `bodyTimeoutMs`. `release` hands the whole body on to the request's reader as if it had just
 * arrived. Must be called in the same tick as the request event, before any of the body is parsed.
 *
 * Node's parser hands each piece of the body to the request's own `push`; holding them there, rather
 * than reading the stream, leaves the request untouched for Next, which needs Node's own object.
 */
export function holdBody(request: IncomingMessage, limits: RequestLimits = REQUEST_LIMITS): Promise<HeldBody> {
  if (Number(request.headers["content-length"] ?? 0) > limits.maxBodyBytes) return Promise.resolve(refuse(request, "too-large"));
  const ownPush = request.push;
  // One buffer, grown by doubling up to the limit: a body sent a byte a chunk must not hold a Buffer
  // (some 200 bytes) for each byte.
  let held = Buffer.allocUnsafe(Math.min(INITIAL_HOLD_BYTES, limits.maxBodyBytes));
  let size = 0;
  return new Promise<HeldBody>((resolve) => {
    let settled = false;
    const settle = (held: HeldBody) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.socket.off("close", gone);
      resolve(held);
    };
    const gone = () => settle({ status: "gone" });
    const timer = setTimeout(() => settle(refuse(request, "too-slow")), limits.bodyTimeoutMs);
    const release = () => {
      request.push = ownPush;
      if (size > 0) request.push(held.subarray(0, size));
      request.push(null);
    };
    request.push = ((chunk: Buffer | null) => {
      if (settled) return false; // abandoned (a refusal has replaced this function)
      if (chunk === null) {
        settle({ status: "received", release });
        return true;
      }
      if (size + chunk.length > limits.maxBodyBytes) {
        held = Buffer.alloc(0);
        settle(refuse(request, "too-large"));
        return false;
      }
      if (size + chunk.length > held.length) {
        const grown = Buffer.allocUnsafe(Math.min(limits.maxBodyBytes, Math.max(held.length * 2, size + chunk.length)));
        held.copy(grown, 0, 0, size);
        held = grown;
      }
      chunk.copy(held, size);
      size += chunk.length;
      return true;
    }) as Push;
    request.socket.once("close", gone);
  });
}
