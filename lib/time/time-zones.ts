/**
 * Time-zone names, canonical at the boundary. Everything that reaches Planado names a zone in some
 * spelling (a form, the API, a calendar link, a stored row), and Intl accepts any letter case and any
 * old alias: "eUROPE/bERLIN", "Asia/Calcutta", "US/Eastern". Each spelling would become its own entry
 * in Luxon's and our caches, and a stored odd spelling gets calendar files without its VTIMEZONE. So
 * every name is mapped here to one of a fixed set (the current tzdb names of @vvo/tzdb, plus UTC)
 * before anything else sees it, and anything that maps to none is refused.
 */
import { getTimeZones, timeZonesNames } from "@vvo/tzdb";

/** The names Planado uses: the current IANA spellings (Asia/Kolkata, Europe/Kyiv) and UTC. */
export const TIME_ZONES: readonly string[] = ["UTC", ...timeZonesNames];

/** Lower-cased spelling → canonical name: every canonical name, and the old names tzdb groups with one. */
const KNOWN = new Map<string, string>();
for (const name of TIME_ZONES) KNOWN.set(name.toLowerCase(), name);
for (const zone of getTimeZones()) {
  for (const member of zone.group) if (!KNOWN.has(member.toLowerCase())) KNOWN.set(member.toLowerCase(), zone.name);
}

/** What a zone name is made of; anything else is not one (and is never handed to Intl). */
const ZONE_SHAPE = /^[A-Za-z0-9_+\-/]{1,64}$/;

/**
 * The canonical name of a time zone, or undefined when `input` names none. Case does not matter;
 * aliases the runtime knows ("US/Eastern", "Etc/UTC") map to the zone they stand for.
 */
export function canonicalTimeZone(input: unknown): string | undefined {
  if (typeof input !== "string") return undefined;
  const text = input.trim();
  if (!ZONE_SHAPE.test(text)) return undefined;
  const known = KNOWN.get(text.toLowerCase());
  if (known) return known;
  // An alias tzdb does not group: let the runtime's own data say which zone it is (this keeps
  // nothing per spelling), and take that only if it is one of ours.
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return KNOWN.get(resolved.toLowerCase());
}

export function isValidTimeZone(zone: unknown): boolean {
  return canonicalTimeZone(zone) !== undefined;
}

/**
 * The zones to offer in a list: the current IANA names (Asia/Kolkata, Europe/Kyiv; the runtime's own
 * list has the outdated spellings) from @vvo/tzdb, which follows each tz release, plus UTC.
 */
export function timeZoneNames(): string[] {
  return [...TIME_ZONES];
}
