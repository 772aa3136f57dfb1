/**
 * Where a form post comes from. Planado has no cookies, but a page on any site could still make its
 * visitors' browsers post our forms (a booking in the name of their network address, spending the
 * office's write allowance). Browsers name the page that sent a post in `Origin`: our own pages'
 * posts carry our origin (Referrer-Policy strict-origin, ./response-headers.ts), another site's carry
 * theirs, and a sandboxed frame, a data: page or a page that refuses referrers sends `null`.
 *
 * Only host and port are compared (a TLS proxy in front may hide the scheme): with the address the
 * request came to (X-Forwarded-Host, which our server keeps only from a trusted proxy, else Host: the
 * same reading as requestBaseUrl in ../request.ts) and with PUBLIC_URL's.
 */
import type { HeaderReader } from "../request";

/** Where a post came from: our own pages, another site (or `null`, or nonsense), or nobody said. */
export type PostSource = "ours" | "foreign" | "unnamed";

/** The methods that only read, which pages may be asked for from anywhere. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request is a form post in the sense of this check: any write outside the API (server
 * actions post to a page's own address; form routes such as a delete or "Join now" live beside
 * their page). The API is left alone: its clients (scripts, Prosody) send no Origin, and browsers
 * may call it only from the sites CORS allows (API_CORS_ORIGINS).
 */
export function isFormPost(method: string, path: string): boolean {
  return !READS.has(method.toUpperCase()) && !path.startsWith("/api/");
}

/** An http(s) address's host[:port], lower-case and without its scheme's own port; undefined if it is no such address. */
function hostOf(address: string): { protocol: string; host: string } | undefined {
  try {
    const { protocol, host } = new URL(address);
    return protocol === "http:" || protocol === "https:" ? { protocol, host } : undefined;
  } catch {
    return undefined;
  }
}

/** The host[:port] a request came to, read as the sender's scheme would (so "x:443" is "x" for https). */
function requestHost(headers: HeaderReader, protocol: string): string | undefined {
  const value = (headers.get("x-forwarded-host") || headers.get("host"))?.split(",")[0]?.trim();
  if (!value || !/^[A-Za-z0-9.\-:[\]]+$/.test(value)) return undefined;
  return hostOf(`${protocol}//${value}`)?.host;
}

/**
 * Where a post came from, by its Origin; by its Referer for the rare browser that sends no Origin
 * (Firefox before 70). Neither: "unnamed" (not a browser's form, or a very old browser).
 */
export function postSource(headers: HeaderReader, publicUrl: string | undefined): PostSource {
  const origin = headers.get("origin")?.trim();
  if (origin) return isOurs(hostOf(origin), headers, publicUrl) ? "ours" : "foreign"; // `null`, several, nonsense: not ours
  const referer = headers.get("referer")?.trim();
  const sender = referer ? hostOf(referer) : undefined;
  // (A Referer that is no web address, such as android-app://…, names no site.)
  if (!sender) return "unnamed";
  return isOurs(sender, headers, publicUrl) ? "ours" : "foreign";
}

/**
 * Where PUBLIC_URL names Planado's address, only that address is ours: a request's Host is the
 * sender's to choose (a page whose name is re-pointed at Planado's address, "DNS rebinding", posts
 * with its own name as both Host and Origin). Without PUBLIC_URL, the address the request came to.
 */
function isOurs(sender: { protocol: string; host: string } | undefined, headers: HeaderReader, publicUrl: string | undefined): boolean {
  if (!sender) return false;
  if (publicUrl) return sender.host === hostOf(publicUrl)?.host;
  return sender.host === requestHost(headers, sender.protocol);
}
