/**
 * What a calendar file says about a conference, and how it travels in a signed URL. The download
 * route rebuilds the event from these parameters alone.
 */
import { z } from "zod";
import type { Conference } from "../conferences/conference";
import { NAME_MAX_LENGTH } from "../conferences/limits";
import { cleanName, visibleLength } from "../conferences/name";
import { isId } from "../ids";
import { REPEAT_UNITS } from "../time/recurrence";
import type { Repeat } from "../time/recurrence";
import { canonicalTimeZone } from "../time/time-zones";
import { wholeNumber } from "../whole-number";
import { sign, verify } from "./signing";

export interface CalendarEvent {
  name: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  repeat: Repeat | null;
  /** Meetings from `startsAt` on, this one included (RRULE COUNT). */
  count: number;
  invitationId: string;
  revision: number;
}

export const DEFAULT_EVENT_NAME = "Video conference";

export function calendarEventOf(conference: Conference, name: string | undefined): CalendarEvent {
  return {
    name: name ?? DEFAULT_EVENT_NAME,
    startsAt: conference.startsAt,
    durationMinutes: conference.durationMinutes,
    timeZone: conference.timeZone,
    repeat: conference.repeat,
    count: conference.repeat ? conference.remainingOccurrences + 1 : 1,
    invitationId: conference.invitationId,
    revision: conference.revision,
  };
}

const UNIT_LETTER: Record<Repeat["unit"], string> = { day: "d", week: "w", month: "m", year: "y" };
const LETTER_UNIT = Object.fromEntries(Object.entries(UNIT_LETTER).map(([unit, letter]) => [letter, unit])) as Record<string, Repeat["unit"]>;

function compactInstant(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** The parameters in a fixed order; the signature covers exactly these strings. */
const KEYS = ["n", "s", "d", "z", "r", "c", "i", "v"] as const;

export function encodeEvent(event: CalendarEvent, secret: string): URLSearchParams {
  const values = [
    event.name,
    compactInstant(event.startsAt),
    String(event.durationMinutes),
    event.timeZone,
    event.repeat ? `${event.repeat.every}${UNIT_LETTER[event.repeat.unit]}` : "",
    String(event.count),
    event.invitationId,
    String(event.revision),
  ];
  const params = new URLSearchParams(KEYS.map((key, i) => [key, values[i]!]));
  params.set("sig", sign(secret, "file", values));
  return params;
}

const paramsSchema = z.object({
  n: z
    .string()
    .transform(cleanName)
    .refine((name) => name.length > 0 && visibleLength(name) <= NAME_MAX_LENGTH),
  s: z
    .string()
    .regex(/^\d{8}T\d{6}Z$/)
    .transform((s) => new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`))
    .refine((date) => !Number.isNaN(date.getTime())),
  d: wholeNumber(1, 24 * 60),
  z: z.string().transform((zone, ctx) => canonicalTimeZone(zone) ?? (ctx.addIssue({ code: "custom" }), z.NEVER)),
  r: z
    .string()
    .regex(/^(|\d{1,2}[dwmy])$/)
    .transform((r): Repeat | null => (r ? { every: Number(r.slice(0, -1)), unit: LETTER_UNIT[r.slice(-1)]! } : null))
    .refine((r) => r === null || (r.every >= 1 && REPEAT_UNITS.includes(r.unit))),
  c: wholeNumber(1, 500),
  i: z.string().refine(isId),
  v: wholeNumber(1, 2 ** 31 - 1),
});

export type DecodeResult = { status: "valid"; event: CalendarEvent } | { status: "refused"; reason: "unsigned" | "forged" | "malformed" };

/** Checks the signature first, then reads the parameters; never throws on bad input. */
export function decodeEvent(params: URLSearchParams, secret: string): DecodeResult {
  const signature = params.get("sig");
  if (!signature) return { status: "refused", reason: "unsigned" };
  const values = KEYS.map((key) => params.get(key));
  if (values.some((value) => value === null)) return { status: "refused", reason: "malformed" };
  if (!verify(secret, "file", values as string[], signature)) return { status: "refused", reason: "forged" };
  const parsed = paramsSchema.safeParse(Object.fromEntries(KEYS.map((key, i) => [key, values[i]])));
  if (!parsed.success) return { status: "refused", reason: "malformed" };
  const p = parsed.data;
  return {
    status: "valid",
    event: { name: p.n, startsAt: p.s, durationMinutes: p.d, timeZone: p.z, repeat: p.r, count: p.r ? p.c : 1, invitationId: p.i, revision: p.v },
  };
}

/** The feed (subscription) link carries the invitation id in its path and the name, both signed. */
export function feedSignature(secret: string, invitationId: string, name: string): string {
  return sign(secret, "feed", [invitationId, name]);
}

export function verifyFeed(secret: string, invitationId: string, name: string, signature: string): boolean {
  return verify(secret, "feed", [invitationId, name], signature);
}

/** A file name from the conference name: ASCII letters and digits only, so no header can break. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "conference";
}
