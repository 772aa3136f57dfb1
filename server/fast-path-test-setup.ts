/**
 * What the tests of the participant's path share: the configuration of their "server" (set before
 * any of the app's code reads it), the moment they run at, and booking and visiting at that moment.
 * Each of those test files imports it first, before it loads the app's code.
 */

// The configuration of these tests' "server", read once on first use.
Object.assign(process.env, {
  JITSI_URL: "https://meet.example.org",
  PUBLIC_URL: "",
  PRIVACY_NOTICE_URL: "",
  EARLY_JOIN_MINUTES: "",
  CALENDAR_SECRET: "integration-calendar-secret-0123456789abcdef",
  CLEANUP_MODE: "off",
  LOOKUP_MISS_LIMIT_PER_MINUTE: "4",
  API_LOOKUP_LIMIT_PER_MINUTE: "0",
  INVITATION_CACHE_MS: "0",
  TRUSTED_PROXIES: "",
});

const { book } = await import("@/lib/conferences/operations");
const { invitationUrl } = await import("@/lib/conferences/links");
const { answerVisit } = await import("./fast-path");
const { assetsOf } = await import("./assets");

/** The participant's stylesheet and favicon, as our server would load them from a build. */
export const assets = assetsOf(Buffer.from("body{color:#0f172a}"), Buffer.from("favicon"));
export const setup = { stylesheet: assets.stylesheet };
export const now = new Date("2026-11-25T12:00:00.000Z");
let client = 0;

/** The path of an invitation link as Planado hands it out: the name with its signature. */
export function signedPath(invitationId: string, name?: string): string {
  const url = new URL(invitationUrl("http://planado.test", invitationId, name));
  return url.pathname + url.search;
}

/** A visit at the test's moment, from a client of its own (so misses of one test do not limit another). */
export function visit(path: string, headers: Record<string, string> = {}, at = now) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return answerVisit(
    {
      method: "GET",
      url: new URL(path, "http://planado.test"),
      headers: { get: (name) => lower[name] ?? (name === "host" ? "planado.test" : null) },
      client: `192.0.2.${++client}`,
      now: at,
    },
    setup,
  );
}

export const text = (body: string | Uint8Array | undefined) => (typeof body === "string" ? body : Buffer.from(body ?? new Uint8Array()).toString("utf8"));

export async function bookAt(start: string, extra: Record<string, unknown> = {}) {
  const outcome = await book({ from: "api", body: { name: "Choir", start, timeZone: "Europe/Berlin", ...extra } }, now);
  if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome.errors));
  return outcome.conference;
}
