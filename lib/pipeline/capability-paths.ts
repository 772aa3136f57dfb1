/**
 * The one list of Planado's capability links: addresses that hold an id (an invitation, an admin
 * link, a calendar link). Whoever has the address has the power, so an answer on one of these paths
 * is never stored by a cache, never indexed, and its address is never written to a log or sent on as
 * a Referer. Adding a kind of link is a line here; the request pipeline (./response-headers.ts,
 * ./admission.ts) does the rest for both doors.
 */

interface CapabilityPath {
  /** Where the id starts: everything after it is the capability. */
  prefix: string;
  /** Whether answering it reads the database (so it is refused at once while the database is down). */
  looksUp: boolean;
}

const CAPABILITY_PATHS: readonly CapabilityPath[] = [
  // Invitations, their "Continue".
  { prefix: "/i/", looksUp: true },
  // Admin pages, their delete page and "Join now".
  { prefix: "/a/", looksUp: true },
  // The calendar subscription, read from the database.
  { prefix: "/calendar/feed/", looksUp: true },
  // Calendar downloads: built from the signed link alone.
  { prefix: "/calendar/", looksUp: false },
  // The API's conference (admin id) and invitation status.
  { prefix: "/api/v1/conferences/", looksUp: true },
  { prefix: "/api/v1/invitations/", looksUp: true },
];

/** The prefixes, for code that looks for capability links in text (./log-lines.ts). */
export const CAPABILITY_PREFIXES: readonly string[] = CAPABILITY_PATHS.map((kind) => kind.prefix);

function capabilityPath(path: string): CapabilityPath | undefined {
  // Something after the prefix: "/calendar/" alone names nothing.
  return CAPABILITY_PATHS.find((kind) => path.length > kind.prefix.length && path.startsWith(kind.prefix));
}

/** Whether a path is a capability link's (see above). */
export function isCapabilityPath(path: string): boolean {
  return capabilityPath(path) !== undefined;
}

/** Whether answering a path looks an id up in the database. */
export function looksUpId(path: string): boolean {
  return capabilityPath(path)?.looksUp ?? false;
}

/** The admin id an admin page's path names (its actions, delete page and "Join now" too). */
export function adminIdOf(path: string): string | undefined {
  return /^\/a\/([^/]+)/.exec(path)?.[1];
}

/**
 * Files, not pages: the same for every visitor and language, with nothing in them to run inline (the
 * build's files, Next's image optimiser (refused: server/request-target.ts), the icons, the manifest, robots.txt, our stylesheet and
 * favicon).
 */
const FILES = /^\/(?:_next\/static\/|_next\/image$|assets\/|(?:icon\.svg|icon-\d+\.png|apple-icon\.png|manifest\.webmanifest|favicon\.ico|robots\.txt)$)/;

export function isFile(path: string): boolean {
  return FILES.test(path);
}

/**
 * Paths that run no page and no look-up: the files, and the health check (asked every few seconds by
 * monitors, which must not start sweeps). They get no nonce, no language and no sweep's nudge.
 */
export function isQuiet(path: string): boolean {
  return isFile(path) || path === "/api/health";
}
