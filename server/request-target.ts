/**
 * What our server refuses or corrects from a request's first line and headers before anyone answers
 * it, because Next would answer it badly: methods it fails on (TRACE: a 500 and two log lines), Origin
 * headers no browser sends (Next logs them whole, twice), request targets for another host (Next
 * redirects to it) and paths it would redirect itself (its 308s carry none of the pipeline's headers).
 * Pure: a request's method, target and headers in, an answer out, or nothing to do.
 */
import { answer } from "@/lib/http/answer";
import type { Answer } from "@/lib/http/answer";

/** Methods no Planado page answers and Next fails on; CONNECT never reaches here (node:http hands it to its own event). */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
const ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const IMAGE_OPTIMIZER = "/_next/image";

/** Longer than any origin a browser sends (a scheme, a host name of at most 253 characters, a port). */
const MAX_ORIGIN_LENGTH = 300;
/** What a browser's Origin header is (RFC 6454): "null", or a scheme, a host and maybe a port, nothing after. */
const ORIGIN = /^(null|[a-z][a-z0-9+.-]*:\/\/(\[[0-9a-f:.]+\]|[a-z0-9._~%!$&'()*+,;=-]+)(:[0-9]{1,5})?)$/i;

export type TargetDecision =
  | { status: "as-is" }
  /** An absolute-form target for this host, in the origin-form Next expects. */
  | { status: "rewritten"; target: string }
  | { status: "refused"; answer: Answer; path: string };

const plain = (status: number, text: string, headers: Record<string, string> = {}): Answer =>
  answer(status, { "Content-Type": "text/plain; charset=utf-8", ...headers }, text);

/** Nearly every request: made once (the fast path answers thousands a second). */
const AS_IS = { status: "as-is" } as const;

/** The answer path when the target names another host or is no path at all. */
const BAD = { status: "refused", answer: plain(400, "Bad request"), path: "/" } as const;

/**
 * The request's target as Next should see it, or the answer that replaces Next's. `target` is the
 * request line's (request.url), `host` its Host header, `origin` its Origin header.
 */
export function checkTarget(method: string, target: string, host: string | undefined, origin: string | undefined): TargetDecision {
  if (REFUSED_METHODS.has(method)) return { status: "refused", answer: plain(405, "Method not allowed", { Allow: ALLOW }), path: "/" };
  if (origin !== undefined && method !== "GET" && method !== "HEAD" && (origin.length > MAX_ORIGIN_LENGTH || !ORIGIN.test(origin))) return BAD;
  let originForm = target;
  if (!target.startsWith("/")) {
    // Absolute form (RFC 9112 3.2.2): proxies may send it; only for the host the request is for.
    const absolute = /^https?:\/\/([^/?#]*)([^#]*)$/i.exec(target);
    if (!absolute || !host || absolute[1]!.toLowerCase() !== host.toLowerCase()) return BAD;
    originForm = absolute[2]!.startsWith("/") ? absolute[2]! : `/${absolute[2]!}`;
  }
  const query = originForm.indexOf("?");
  const path = query === -1 ? originForm : originForm.slice(0, query);
  // Planado shows no optimised images: Next's optimiser (any path it starts, as Next matches it) would
  // fetch whatever page the query names (a capability link's, say) and log its address when it is no image.
  if (path.startsWith(IMAGE_OPTIMIZER)) return { status: "refused", answer: plain(404, "Not found"), path: IMAGE_OPTIMIZER };
  const normal = normalPath(path);
  if (normal !== path) {
    // The redirect Next would make (repeated slashes, backslashes, a trailing slash), with the pipeline's headers.
    return { status: "refused", answer: answer(308, { Location: normal + (query === -1 ? "" : originForm.slice(query)) }), path: normal };
  }
  return originForm === target ? AS_IS : { status: "rewritten", target: originForm };
}

/** A path as Next redirects it: backslashes as slashes, no empty segment, no trailing slash. */
function normalPath(path: string): string {
  if (!/\\|\/\/|.\/$/.test(path)) return path;
  const collapsed = path.replace(/\\/g, "/").replace(/\/{2,}/g, "/");
  return collapsed.length > 1 && collapsed.endsWith("/") ? collapsed.slice(0, -1) : collapsed;
}
