/**
 * What Planado reads from a request's headers: the address links should start with, and the
 * client's address for rate limits (kept in memory only, never stored or logged).
 */

/** PUBLIC_URL when set; otherwise the address the request came to (X-Forwarded-Proto says https). */
export function requestBaseUrl(headers: Headers, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  // A Host header is whatever the client says; keep only what a host name may contain.
  const safeHost = /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : "localhost";
  return `${proto}://${safeHost}`;
}

/**
 * The client's address: the last X-Forwarded-For entry, which is the one a reverse proxy in front of
 * Planado appends (Next.js itself fills it from the socket when the header is absent). Without such a
 * proxy a client can send its own header, so run Planado behind one (see the README).
 */
export function clientAddress(headers: Headers): string {
  const entries = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  return entries.at(-1) ?? "unknown";
}
