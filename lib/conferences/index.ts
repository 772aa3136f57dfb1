/**
 * Planado's core operations, called by the booking form, the admin page, the invitation page and the
 * API alike: validation, ids and storage take one path whichever door a request comes through.
 */
import { getConfig } from "../env";
import { isId } from "../ids";
import { processWide } from "../process-wide";
import type { Translate } from "../i18n/translate";
import { invitationState } from "./conference";
import type { Conference, InvitationState, ManagedConference, Policy, Schedule } from "./conference";
import { roomAccess } from "../jitsi/access";
import { currentMeeting } from "../jitsi/window";
import { validateBookingForm } from "./booking-form";
import type { BookingFormValues } from "./booking-form";
import { validateBooking } from "./schema";
import type { Booking, FieldErrors } from "./schema";
import { ShortCache } from "./short-cache";
import { confirmedKeys, createConference, deleteConference, findByAdminId, findByInvitationId, moveSeriesOn, updateSchedule } from "./store";
import type { SeriesKey } from "./store";

export type { Conference, InvitationState, ManagedConference } from "./conference";
export type { Booking, BookingInput, FieldErrors } from "./schema";
export { findByAdminId, findByInvitationId, openEarly } from "./store";
export type { SeriesKey } from "./store";

/**
 * Invitations are read far more than they change, and all at once at the start: they are cached for
 * a second (one cache per process, shared by both ways in: see lib/process-wide.ts).
 */
export function invitationCache(): ShortCache<string, Conference | null> {
  return processWide("planadoInvitations", () => new ShortCache<string, Conference | null>(getConfig().INVITATION_CACHE_MS, 10_000));
}

/** Replaces the schedule if nobody changed it since `revision` (see store.updateSchedule). */
export async function saveSchedule(adminId: string, revision: number, schedule: Booking) {
  const outcome = await updateSchedule(adminId, revision, schedule);
  if (outcome.status === "saved") invitationCache().forget(outcome.conference.invitationId);
  return outcome;
}

export type BookOutcome = { ok: true; conference: ManagedConference; booking: Booking } | { ok: false; errors: FieldErrors };

async function store(validation: ReturnType<typeof validateBooking>): Promise<BookOutcome> {
  if (!validation.ok) return validation;
  const conference = await createConference(validation.value);
  return { ok: true, conference, booking: validation.value };
}

/** Books from API input (see ./schema.ts for its shape). */
export function book(input: unknown, now: Date, t?: Translate): Promise<BookOutcome> {
  return store(validateBooking(input, { now, t }));
}

/** Books from the booking form; `intent: "now"` opens a room at once. */
export function bookFromForm(values: BookingFormValues, intent: "book" | "now", now: Date, t?: Translate): Promise<BookOutcome> {
  return store(validateBookingForm(values, { now, intent, t }));
}

export type EditOutcome =
  | { ok: true; conference: ManagedConference; booking: Booking }
  | { ok: false; errors: FieldErrors }
  | { ok: false; status: "not-found" | "conflict" };

/** Changes the schedule from the edit form, if nobody changed it since `revision`. */
export async function editFromForm(adminId: string, revision: number, values: BookingFormValues, now: Date, t?: Translate): Promise<EditOutcome> {
  const current = await findByAdminId(adminId);
  if (!current) return { ok: false, status: "not-found" };
  const validation = validateBookingForm(values, { now, unchangedStart: current.startsAt, t });
  if (!validation.ok) return validation;
  const outcome = await saveSchedule(adminId, revision, validation.value);
  if (outcome.status !== "saved") return { ok: false, status: outcome.status };
  return { ok: true, conference: outcome.conference, booking: validation.value };
}

export async function remove(adminId: string): Promise<boolean> {
  const invitationId = await deleteConference(adminId);
  if (invitationId) invitationCache().forget(invitationId);
  return invitationId !== undefined;
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
export async function onCurrentMeeting<T extends Schedule & { revision: number }>(
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
