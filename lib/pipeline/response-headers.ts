/**
 * The headers of every answer Planado gives, whichever door made it (our server's fast path, or Next
 * behind it): the only place that writes a security header, the private-page headers of the
 * capability links, and the Vary tokens. Our server applies them to its own answers (finishAnswer) and
 * to Next's as they are written (server/next-door.ts).
 */
import { appendToken, withHeaders } from "../http/answer";
import type { Answer } from "../http/answer";
import { contentSecurityPolicy, PERMISSIONS_POLICY } from "../security/csp";
import type { InlineAllowance } from "../security/csp";
import { isBuildFile, isCapabilityPath } from "./capability-paths";

/** What every answer says about how browsers may use it, with this Content-Security-Policy. */
function securityHeaders(csp: string): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "Permissions-Policy": PERMISSIONS_POLICY,
    // Invitation and admin links are capabilities: never hand them to another site.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
  };
}

/** The API's answers and the capability links' are not for search engines. */
const NOT_FOR_SEARCH = { "X-Robots-Tag": "noindex, nofollow" };

/** A capability link's answer: not for search engines or shared caches either (see ./capability-paths.ts). */
const PRIVATE_HEADERS = { ...NOT_FOR_SEARCH, "Cache-Control": "no-store" };

function privacyHeaders(path: string): Record<string, string> {
  if (isCapabilityPath(path)) return PRIVATE_HEADERS;
  return path.startsWith("/api/") ? NOT_FOR_SEARCH : {};
}

/**
 * The headers the pipeline sets on an answer to `path`, over whatever its handler set. `inline`: what
 * the page's own inline scripts and styles need (a nonce for Next's pages, hashes for ours).
 */
export function pipelineHeaders(path: string, inline: InlineAllowance = {}): Record<string, string> {
  return { ...securityHeaders(contentSecurityPolicy(inline)), ...privacyHeaders(path) };
}

/** The tokens Vary must name: every page answers in the visitor's language (the build's files do not). */
export function varyTokens(path: string): string[] {
  return isBuildFile(path) ? [] : ["Accept-Language"];
}

/** One of our server's own answers, finished by the pipeline. */
export function finishAnswer(path: string, result: Answer): Answer {
  const { inline, ...rest } = result;
  let done = withHeaders(rest, pipelineHeaders(path, inline));
  for (const token of varyTokens(path)) done = appendToken(done, "Vary", token);
  return done;
}
