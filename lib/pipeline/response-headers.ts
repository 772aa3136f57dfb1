/**
 * The headers of every answer Planado gives, whichever door made it (our server's fast path, or Next
 * behind it): the only place that writes a security header, the private-page headers of the
 * capability links, and the Vary tokens. Our server applies them to its own answers (finishAnswer) and
 * to Next's as they are written (server/next-door.ts). Names in lower case, as Answer keeps them; what
 * does not change per request is made once (the fast path answers thousands a second).
 */
import { withToken } from "../http/answer";
import type { Answer } from "../http/answer";
import { contentSecurityPolicy, PERMISSIONS_POLICY } from "../security/csp";
import type { InlineAllowance } from "../security/csp";
import { isCapabilityPath, isFile } from "./capability-paths";

/** The header that says which scripts and styles a page may run (named here, and only here, for the code that must find it). */
export const POLICY_HEADER = "content-security-policy";

/** What every answer says about how browsers may use it, besides its Content-Security-Policy. */
const SECURITY_HEADERS = {
  "permissions-policy": PERMISSIONS_POLICY,
  // Invitation and admin links are capabilities: a Referer or Origin carries our origin, never a path
  // (not same-origin: it would write admin links into our own access logs). A real Origin is what
  // lets our server tell our own form posts from another site's (./origin.ts); no-referrer sent `null`.
  "referrer-policy": "strict-origin",
  "x-content-type-options": "nosniff",
  "cross-origin-opener-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** The API's answers and the capability links' are not for search engines. */
const NOT_FOR_SEARCH = { "x-robots-tag": "noindex, nofollow" };

/** A capability link's answer: not for search engines or shared caches either (see ./capability-paths.ts). */
const PRIVATE_HEADERS = { ...NOT_FOR_SEARCH, "cache-control": "no-store" };

/** What may keep or index an answer, by the kind of its path. */
const PRIVACY = { capability: PRIVATE_HEADERS, api: NOT_FOR_SEARCH, other: {} };

function kindOf(path: string): keyof typeof PRIVACY {
  if (isCapabilityPath(path)) return "capability";
  return path.startsWith("/api/") ? "api" : "other";
}

/** Policies without a nonce, by the hashes of the scripts they allow: our pages have a handful. Bounded all the same. */
const policiesByHashes = new Map<string, string>();
const MAX_POLICIES = 32;

function policyFor(inline: InlineAllowance): string {
  if (inline.nonce) return contentSecurityPolicy(inline);
  const key = (inline.scriptHashes ?? []).join(" ");
  let policy = policiesByHashes.get(key);
  if (policy === undefined) {
    policy = contentSecurityPolicy(inline);
    if (policiesByHashes.size < MAX_POLICIES) policiesByHashes.set(key, policy);
  }
  return policy;
}

/**
 * The headers the pipeline sets on an answer to `path`, over whatever its handler set. `inline`: what
 * the page's own inline scripts and styles need (a nonce for Next's pages, hashes for ours).
 */
export function pipelineHeaders(path: string, inline: InlineAllowance = {}): Record<string, string> {
  return { [POLICY_HEADER]: policyFor(inline), ...SECURITY_HEADERS, ...PRIVACY[kindOf(path)] };
}

/** The tokens Vary must name: every page answers in the visitor's language (files do not). */
export function varyTokens(path: string): string[] {
  return isFile(path) ? [] : ["Accept-Language"];
}

/** The pipeline's headers for answers without a nonce, by kind of path and allowed scripts: a handful, made once. */
const headersWithoutNonce = new Map<string, Record<string, string>>();

function fixedHeaders(path: string, inline: InlineAllowance = {}): Record<string, string> {
  if (inline.nonce) return pipelineHeaders(path, inline);
  const key = `${kindOf(path)} ${(inline.scriptHashes ?? []).join(" ")}`;
  let headers = headersWithoutNonce.get(key);
  if (headers === undefined) {
    headers = pipelineHeaders(path, inline);
    if (headersWithoutNonce.size < MAX_POLICIES) headersWithoutNonce.set(key, headers);
  }
  return headers;
}

/** One of our server's own answers, finished by the pipeline. */
export function finishAnswer(path: string, result: Answer): Answer {
  const headers = Object.assign({}, result.headers, fixedHeaders(path, result.inline));
  for (const token of varyTokens(path)) headers.vary = withToken(headers.vary, token);
  return result.body === undefined ? { status: result.status, headers } : { status: result.status, headers, body: result.body };
}
