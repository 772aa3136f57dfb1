/**
 * The Content-Security-Policy of every page: nothing from other hosts, no eval, no framing, forms
 * only to Planado itself (and on to Jitsi: see formTargets), and inline scripts and styles only when
 * this response allows them: by a nonce (Next.js puts it on its own scripts; 'strict-dynamic' lets
 * them load their chunks), or by the hash of a script whose text never changes (the fast pages of
 * server/, which need no nonce).
 */
import { createHash, randomBytes } from "node:crypto";
import { getConfig } from "../env";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The CSP source that allows exactly this inline script or style. */
export function hashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

export interface InlineAllowance {
  /** Inline scripts and styles carrying this nonce. */
  nonce?: string;
  /** Inline scripts with exactly these texts (see hashSource). */
  scriptHashes?: readonly string[];
}

/**
 * Where a form may send the browser: Planado, and the Jitsi server. The organizer's "Join now" is a
 * form (a POST: it opens the room early) answered by a 303 to the room, and browsers apply
 * form-action to a form's redirects too (Chromium refuses the room with 'self' alone).
 */
function formTargets(): string {
  return `'self' ${new URL(getConfig().JITSI_URL).origin}`;
}

export function contentSecurityPolicy({ nonce, scriptHashes = [] }: InlineAllowance = {}): string {
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : scriptHashes;
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(" "),
    ["style-src 'self'", ...(nonce ? [`'nonce-${nonce}'`] : [])].join(" "),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formTargets()}`,
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ].join("; ");
}

/** Browser features Planado never uses, switched off for the page and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");
