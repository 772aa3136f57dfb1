/**
 * What the API answers, as zod schemas (they also document the API in OpenAPI) and the functions that
 * build those answers. The secret room id appears only in an open invitation's roomUrl.
 */
import { z } from "zod";
import { calendarLinks } from "../calendar/links";
import type { Conference, ManagedConference } from "../conferences/conference";
import type { Entry } from "../conferences/entry";
import { adminUrl, invitationUrl } from "../conferences/links";
import { REPEAT_UNITS } from "../time/recurrence";

const url = z.string().meta({ format: "uri" });

export const conferenceResourceSchema = z.object({
  adminId: z.string().meta({ description: "Private: whoever has it can change or delete the conference." }),
  invitationId: z.string(),
  startsAt: z.string().meta({ description: "The (next) start, ISO 8601 in UTC.", format: "date-time" }),
  start: z.string().meta({ description: "The same start as wall-clock time in timeZone.", examples: ["2026-12-01T09:00"] }),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  repeat: z
    .object({
      every: z.number().int(),
      unit: z.enum(REPEAT_UNITS),
      count: z.number().int().meta({ description: "Meetings from startsAt on, this one included." }),
    })
    .nullable(),
  remaining: z.number().int().meta({ description: "Meetings still to come after the one at startsAt." }),
  revision: z.number().int().meta({ description: "Rises with every change; send it back in If-Match to change safely." }),
  links: z.object({
    self: url,
    invitation: url.meta({ description: "For participants: waits, then opens the room." }),
    admin: url.meta({ description: "The organizer's page." }),
    calendar: url.meta({ description: "A signed .ics file of the schedule as it is now." }),
    subscription: url.meta({ description: "A webcal:// feed that follows every change." }),
  }),
});

export type ConferenceResource = z.output<typeof conferenceResourceSchema>;

export const invitationStatusSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("waiting"),
    startsAt: z.string().meta({ format: "date-time" }),
    secondsToStart: z.number().int().meta({ description: "Seconds until the room opens (earlier by EARLY_JOIN_MINUTES, if set)." }),
  }),
  z.object({
    status: z.literal("open"),
    roomUrl: url.meta({ description: "The Jitsi room. Never given before the room opens." }),
    privacyNoticeUrl: url.optional().meta({ description: "Show this notice before sending anyone to the room." }),
  }),
]);

export const problemSchema = z.object({
  type: z.string().meta({ description: "Stable identifier of the kind of problem, e.g. urn:planado:problem:validation." }),
  title: z.string(),
  status: z.number().int(),
  errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "For validation problems: messages by field." }),
});

export function conferenceResource(c: ManagedConference, base: string, name: string | undefined): ConferenceResource {
  const calendar = calendarLinks(base, c, name);
  return {
    adminId: c.adminId,
    invitationId: c.invitationId,
    startsAt: c.startsAt.toISOString(),
    start: c.localStart,
    timeZone: c.timeZone,
    durationMinutes: c.durationMinutes,
    repeat: c.repeat ? { ...c.repeat, count: c.remainingOccurrences + 1 } : null,
    remaining: c.remainingOccurrences,
    revision: c.revision,
    links: {
      self: `${base}/api/v1/conferences/${c.adminId}`,
      invitation: invitationUrl(base, c.invitationId, name),
      admin: adminUrl(base, c.adminId, name),
      calendar: calendar.file,
      subscription: calendar.webcal,
    },
  };
}

/** An invitation's status: waiting (and for how long), or open with the room (after the notice, if any). */
export function invitationStatus(conference: Conference, entry: Exclude<Entry, { kind: "over" }>): z.output<typeof invitationStatusSchema> {
  if (entry.kind === "wait") return { status: "waiting", startsAt: conference.startsAt.toISOString(), secondsToStart: entry.secondsToOpen };
  return { status: "open", roomUrl: entry.roomUrl, ...(entry.kind === "notice" ? { privacyNoticeUrl: entry.noticeUrl } : {}) };
}
