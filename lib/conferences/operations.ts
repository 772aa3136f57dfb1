/**
 * What the doors call (the booking form's actions, the admin page, the invitation page, the API, the
 * fast path, Jitsi's reservation hook): validation, ids, storage and the invitation cache take one path
 * whichever door a request comes through. Every outcome is a `status` union the door turns into its
 * own answer (a page, a redirect, a problem document).
 */
import { getConfig } from "../env";
import { SECRET_MISMATCH } from "../failures";
import type { Config } from "../env";
import { isId } from "../ids";
import { WriteConflict } from "../write-retry";
import type { Translate } from "../i18n/translate";
import { enforcesBookings, roomAccess } from "../jitsi/access";
import { roomLink } from "../jitsi/room-link";
import { validateBookingForm } from "./booking-form";
import type { BookingFormValues } from "./booking-form";
import type { Conference, ManagedConference, Schedule } from "./conference";
import { currentMeeting } from "./current-meeting";
import { invitationCache } from "./invitation-cache";
import { meetingEndsAt, meetingPhase, sweepCutoff } from "./meeting-phase";
import type { MeetingPhase, MeetingPolicy } from "./meeting-phase";
import { handOutRoom } from "./room-hand-out";
import { mergeChanges, validateBooking } from "./schema";
import type { Booking, FieldErrors, Validation } from "./schema";
import { confirmedKeys } from "../keys/store";
import { deleteByAdminId, findByAdminId, findByInvitationId, findByRoom, insertConference, moveSeriesOn, openEarly, updateSchedule } from "./store";
import type { RoomRecord, SeriesKey } from "./store";

/** A booking from the API (a JSON body, ./schema.ts) or from the booking form (`intent: "now"` opens a room at once). */
export type BookingRequest = { from: "api"; body: unknown } | { from: "form"; values: BookingFormValues; intent: "book" | "now" };

/**
 * A change from the edit form (every field) or from the API (the fields left out keep their values;
 * a new zone alone keeps the wall-clock start).
 */
export type EditRequest = { from: "api"; changes: Record<string, unknown> } | { from: "form"; values: BookingFormValues };

export type BookOutcome = { status: "saved"; conference: ManagedConference; booking: Booking } | { status: "invalid"; errors: FieldErrors };

/** `conflict`: somebody changed the conference since the revision the change was made on. */
export type EditOutcome = BookOutcome | { status: "not-found" } | { status: "conflict" };

export async function book(request: BookingRequest, now: Date, t?: Translate): Promise<BookOutcome> {
  const validation =
    request.from === "api" ? validateBooking(request.body, { now, t }) : validateBookingForm(request.values, { now, intent: request.intent, t });
  if (validation.status === "invalid") return validation;
  const conference = await insertConference(validation.value);
  return { status: "saved", conference, booking: validation.value };
}

/**
 * Changes a conference's schedule, if nobody changed it since `revision` (the form's hidden field, or
 * the API's If-Match; without one, the revision read here).
 */
export async function edit(adminId: string, revision: number | undefined, request: EditRequest, now: Date, t?: Translate): Promise<EditOutcome> {
  const current = await findByAdminId(adminId);
  if (!current) return { status: "not-found" };
  // The API compares before it validates, as HTTP evaluates If-Match before the content; the form
  // shows its field errors first, and a change made meanwhile is found when saving.
  if (request.from === "api" && revision !== undefined && revision !== current.revision) return { status: "conflict" };
  const options = { now, unchangedStart: current.startsAt, t };
  const validation: Validation<Booking> =
    request.from === "form" ? validateBookingForm(request.values, options) : validateBooking(mergeChanges(current, request.changes, t), options);
  if (validation.status === "invalid") return validation;
  const outcome = await updateSchedule(adminId, revision ?? current.revision, validation.value);
  if (outcome.status !== "saved") return outcome;
  invitationCache().forget(outcome.conference.invitationId);
  return { status: "saved", conference: outcome.conference, booking: validation.value };
}

/** Deletes a conference; false when there was none. */
export async function remove(adminId: string): Promise<boolean> {
  const invitationId = await deleteByAdminId(adminId);
  if (invitationId) invitationCache().forget(invitationId);
  return invitationId !== undefined;
}

/** The conference behind an admin link, as stored (null when unknown). */
export function findForAdmin(adminId: string): Promise<ManagedConference | null> {
  return findByAdminId(adminId);
}

/** The operator's rules for opening and ending meetings, from the configuration (./meeting-phase.ts says what they mean). */
export function meetingPolicy(config: Config = getConfig()): MeetingPolicy & { cleanupAfterHours: number } {
  const policy = { earlyJoinMinutes: config.EARLY_JOIN_MINUTES, cleanupAfterHours: config.CLEANUP_AFTER_HOURS };
  return enforcesBookings(config) ? { ...policy, graceMinutes: config.JITSI_RESERVATION_GRACE_MINUTES } : policy;
}

export type OrganizerJoin = { status: "not-found" } | { status: "over" } | { status: "room"; url: string };

/**
 * "Join now": the organizer goes to the room of the current meeting at any time before it is over,
 * as moderator where Jitsi checks tokens. Where Jitsi enforces bookings, going early opens the
 * meeting's window from `now` (so Jitsi admits the room); `name` is shown in the room if the operator
 * wants names shown.
 */
export async function joinAsOrganizer(adminId: string, now: Date, { name }: { name?: string }, config: Config = getConfig()): Promise<OrganizerJoin> {
  const policy = meetingPolicy(config);
  const found = await findByAdminId(adminId);
  const conference = found && (await onCurrentMeeting(found, now, policy, { adminId }, () => findByAdminId(adminId)));
  if (!conference) return { status: "not-found" };
  const phase = meetingPhase(conference, now, policy);
  if (phase.status === "over") return { status: "over" };
  // Early: the meeting opens now. Where Jitsi enforces bookings it must learn so (the reservation hook
  // reads the stored opening, the token is valid from now); plain Jitsi admits anyone at any time.
  if (phase.status === "waiting" && policy.graceMinutes !== undefined) await openEarly(adminId, now);
  const window = phase.status === "open" ? phase.window : { opensAt: now, endsAt: meetingEndsAt(conference, policy) };
  if (!(await handOutRoom(conference))) throw new WriteConflict("The room changed while it was handed out.");
  const access = roomAccess(config);
  const url = roomLink(access.jitsiUrl, conference.roomId, { token: access.token, window, moderator: true, subject: access.showName ? name : undefined });
  return { status: "room", url };
}

/**
 * The conference behind an invitation and its current meeting's phase now (./meeting-phase.ts);
 * undefined when unknown, or over with nothing left to come and past the sweep's cutoff (the sweep
 * deletes it: as if it already had).
 */
export async function lookUpInvitation(
  invitationId: string,
  now: Date,
  { handOut = true, attempt = 1 }: { handOut?: boolean; attempt?: number } = {},
): Promise<{ conference: Conference; state: MeetingPhase } | undefined> {
  // What is not an id cannot exist: it never reaches the cache (a long junk id would fill it) or the database.
  if (!isId(invitationId)) return undefined;
  const cached = await invitationCache().get(invitationId, () => findByInvitationId(invitationId));
  if (!cached) return undefined;
  const policy = meetingPolicy();
  const conference = await onCurrentMeeting(cached, now, policy, { invitationId }, () => findByInvitationId(invitationId));
  if (!conference) return undefined;
  if (conference.remainingOccurrences === 0 && conference.startsAt <= sweepCutoff(now, policy.cleanupAfterHours)) return undefined;
  const state = meetingPhase(conference, now, policy);
  // Open: whoever asks is sent to the room (or shown it), so it is recorded as handed out first
  // (unless the asker only wants the schedule: a calendar). A room read before a change: read again.
  if (state.status === "open" && handOut && !(await handOutRoom(conference))) {
    invitationCache().forget(invitationId);
    if (attempt >= 3) throw new WriteConflict("The room kept changing while it was handed out.");
    return lookUpInvitation(invitationId, now, { handOut, attempt: attempt + 1 });
  }
  return { conference, state };
}

/**
 * The conference as it is for its current meeting. Once a meeting is over (./meeting-phase.ts) the
 * first request that sees it moves a series on itself (a fresh room, as the sweep would), so nobody is
 * sent to, or admitted to, a room that is about to be replaced. Where Jitsi enforces bookings that is
 * hours before the sweep; on plain Jitsi it is the sweep's own moment, whichever comes first.
 */
async function onCurrentMeeting<T extends Schedule & { revision: number }>(
  conference: T,
  now: Date,
  policy: MeetingPolicy,
  series: SeriesKey,
  reread: () => Promise<T | null>,
): Promise<T | null> {
  const meeting = currentMeeting(conference, policy, now);
  if (meeting === conference) return conference;
  await moveSeriesOn(series, conference.revision, meeting);
  if ("invitationId" in conference && typeof conference.invitationId === "string") invitationCache().forget(conference.invitationId);
  return reread();
}

/**
 * A Jitsi room's record for its current meeting (Jitsi's reservation hook asks by room name). A series
 * whose meeting is over is moved on to its next one first (a fresh room, as the sweep would later):
 * the room asked for is then an old one. (A few tries: an edit made at the same moment wins, and is
 * read again.)
 */
export async function roomForReservation(asked: { room: string }, policy: MeetingPolicy, now: Date): Promise<RoomRecord | "retired" | undefined> {
  const find = () => findByRoom(asked.room);
  let record = await find();
  for (let attempt = 0; attempt < 3 && record && record !== "retired"; attempt++) {
    const meeting = currentMeeting(record, policy, now);
    if (meeting === record) return record;
    await moveSeriesOn({ rowId: record.rowId }, record.revision, meeting);
    record = await find();
  }
  return record;
}

/** Why a server must not serve a database set up with another secret (one sentence, for the operator). */
export const OTHER_SECRET = `Planado cannot start: its ${SECRET_MISMATCH}`;

/**
 * Whether this server's secret is the one the database was set up with; the first server to ask
 * sets it up with its own. (Every use of the keys checks it too: see confirmedKeys.)
 */
export async function sameSecretAsDatabase(): Promise<boolean> {
  try {
    await confirmedKeys();
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === "OtherSecretError") return false;
    throw error;
  }
}
