/**
 * What Planado reads from a request's headers: the address links should start with, and the client
 * our server in front of Next found for it (kept in memory for rate limits only, never stored or
 * logged). Works on web Headers and on Node's own request headers alike.
 */

/** Anything headers can be read from by name (web Headers, or see nodeHeaders). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** Node's request headers as a HeaderReader (a repeated header reads as its first value). */
export function nodeHeaders(headers: Record<string, string | string[] | undefined>): HeaderReader {
  return {
    get(name) {
      const value = headers[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

/**
 * PUBLIC_URL when set; otherwise the address the request came to (X-Forwarded-Host and -Proto, which
 * our server passes on only from a trusted proxy). A host that is not one ("evil/<x>", "[x") gives
 * localhost, never an error.
 */
export function requestBaseUrl(headers: HeaderReader, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  // Only what a host (and port) may be made of, and only if it parses as one.
  if (/^[A-Za-z0-9.\-:[\]]+$/.test(host)) {
    try {
      return new URL(`${proto}://${host}`).origin;
    } catch {
      // not a host after all
    }
  }
  return `${proto}://localhost`;
}

/**
 * The request header in which our server (server/main.ts) hands the client it found to Next's side.
 * It overwrites whatever a client sent under this name, so pages can believe it.
 */
export const CLIENT_HEADER = "x-planado-client";

/** The client of a request, as our server found it (see lib/security/client-address.ts). */
export function requestClient(headers: HeaderReader): string {
  return headers.get(CLIENT_HEADER) || "unknown";
}

/** A path segment as written before escaping; a malformed escape stays as it came (it is no id). */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
