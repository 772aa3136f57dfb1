/**
 * What the doors call (the booking form's actions, the admin page, the invitation page, the API, the
 * fast path, Jitsi's reservation hook): validation, ids, storage and the invitation cache take one path
 * whichever door a request comes through. Every outcome is a `status` union the door turns into its
 * own answer (a page, a redirect, a problem document).
 */
import { getConfig } from "../env";
import { isId } from "../ids";
import type { Translate } from "../i18n/translate";
import { roomAccess } from "../jitsi/access";
import type { WindowPolicy } from "../jitsi/window";
import { validateBookingForm } from "./booking-form";
import type { BookingFormValues } from "./booking-form";
import { invitationState } from "./conference";
import type { Conference, InvitationState, ManagedConference, Policy, Schedule } from "./conference";
import { currentMeeting } from "./current-meeting";
import { invitationCache } from "./invitation-cache";
import { mergeChanges, validateBooking } from "./schema";
import type { Booking, FieldErrors, Validation } from "./schema";
import {
  confirmedKeys,
  deleteByAdminId,
  findByAdminId,
  findByInvitationId,
  findByRoom,
  findRoomByReservation,
  insertConference,
  moveSeriesOn,
  openEarly as storeEarlyOpening,
  updateSchedule,
} from "./store";
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

/**
 * The conference behind an admin link for its current meeting (see onCurrentMeeting): what "Join now"
 * and the admin page's room link use.
 */
export async function findMeetingForAdmin(adminId: string, now: Date): Promise<ManagedConference | null> {
  const found = await findByAdminId(adminId);
  return found && onCurrentMeeting(found, now, { adminId }, () => findByAdminId(adminId));
}

/** The organizer opened the room before its window ("Join now"): Jitsi admits it from `at` on. */
export function openEarly(adminId: string, at: Date): Promise<void> {
  return storeEarlyOpening(adminId, at);
}

/** The operator's rules for opening and ending conferences, from the configuration. */
export function policy(): Policy {
  const config = getConfig();
  return { earlyJoinMinutes: config.EARLY_JOIN_MINUTES, cleanupAfterHours: config.CLEANUP_AFTER_HOURS };
}

/** The conference behind an invitation and its state now; undefined when unknown or ended. */
export async function lookUpInvitation(
  invitationId: string,
  now: Date,
): Promise<{ conference: Conference; state: Exclude<InvitationState, { status: "ended" }> } | undefined> {
  // What is not an id cannot exist: it never reaches the cache (a long junk id would fill it) or the database.
  if (!isId(invitationId)) return undefined;
  const cached = await invitationCache().get(invitationId, () => findByInvitationId(invitationId));
  if (!cached) return undefined;
  const conference = await onCurrentMeeting(cached, now, { invitationId }, () => findByInvitationId(invitationId));
  if (!conference) return undefined;
  const state = invitationState(conference, now, policy());
  return state.status === "ended" ? undefined : { conference, state };
}

/**
 * The conference as it is for its current meeting. Where Jitsi enforces bookings a meeting is over at
 * the end of its window, hours before the sweep moves a series on: the first request after that
 * moves the series on itself (a fresh room, as the sweep would), so nobody is sent to, or admitted
 * to, a room that is about to be replaced.
 */
async function onCurrentMeeting<T extends Schedule & { revision: number }>(
  conference: T,
  now: Date,
  series: SeriesKey,
  reread: () => Promise<T | null>,
): Promise<T | null> {
  const enforced = roomAccess().window;
  if (!enforced) return conference;
  const meeting = currentMeeting(conference, enforced, now);
  if (meeting === conference) return conference;
  await moveSeriesOn(series, conference.revision, meeting);
  if ("invitationId" in conference && typeof conference.invitationId === "string") invitationCache().forget(conference.invitationId);
  return reread();
}

/**
 * A Jitsi room's record for its current meeting (Jitsi's reservation hook asks by room name or by
 * reservation id). A series whose meeting is over is moved on to its next one first (a fresh room, as
 * the sweep would later): the room asked for is then an old one. (A few tries: an edit made at the
 * same moment wins, and is read again.)
 */
export async function roomForReservation(
  asked: { room: string } | { rowId: number; generation: number },
  window: WindowPolicy,
  now: Date,
): Promise<RoomRecord | "retired" | undefined> {
  const find = () => ("room" in asked ? findByRoom(asked.room) : findRoomByReservation(asked.rowId, asked.generation));
  let record = await find();
  for (let attempt = 0; attempt < 3 && record && record !== "retired"; attempt++) {
    const meeting = currentMeeting(record, window, now);
    if (meeting === record) return record;
    await moveSeriesOn({ rowId: record.rowId }, record.revision, meeting);
    record = await find();
  }
  return record;
}

/** Why a server must not serve a database set up with another secret (one sentence, for the operator). */
export const OTHER_SECRET =
  "Planado cannot start: its secret (PLANADO_SECRET, or the one generated in PLANADO_DATA_DIR) is not the one this database was set up with, so it would send participants to other rooms. Give every server that shares the database the same PLANADO_SECRET.";

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
