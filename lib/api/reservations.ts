/**
 * The reservation API Prosody's mod_reservations calls (see lib/jitsi/reservations.ts for the contract), under
 * /api/jitsi: POST /conference and DELETE /conference/{id} (GET /conference/{id} is always 404). Only Prosody may ask: it sends
 * JITSI_RESERVATIONS_SECRET as a Bearer token (its reservations_api_headers); without that setting the
 * endpoints do not exist. Nothing of a request is stored or logged (mail_owner is a JID).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { json, readBounded } from "./http";
import { roomForReservation } from "../conferences/operations";
import { meetingWindow } from "../conferences/meeting-phase";
import type { RoomRecord } from "../conferences/store";
import { reportFailure, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../failures";
import { getConfig } from "../env";
import type { Answer } from "../http/answer";
import { decideReservation, reservationId, roomOfName } from "../jitsi/reservations";
import { reservationRequestSchema } from "../jitsi/schema";
import type { RoomBooking } from "../jitsi/reservations";
import { windowPolicy } from "../jitsi/access";
import type { WindowPolicy } from "../jitsi/window";

export interface ReservationSettings {
  /** JITSI_RESERVATIONS_SECRET; unset: the endpoints answer 404. */
  secret?: string;
  allowUnbooked: boolean;
  window: WindowPolicy;
}

export function reservationSettings(config = getConfig()): ReservationSettings {
  return {
    secret: config.JITSI_RESERVATIONS_SECRET,
    allowUnbooked: config.JITSI_RESERVATIONS_ALLOW_UNBOOKED,
    window: windowPolicy(config),
  };
}

/** A form body is a few hundred bytes; refuse anything larger before reading it all. */
const MAX_BODY_BYTES = 4096;

const message = (status: number, text: string) => json({ message: text }, status);

/** 404 when the API is switched off, 401 without the right Bearer token; undefined when Prosody may ask. */
function refused(request: Request, settings: ReservationSettings): Answer | undefined {
  if (!settings.secret) return message(404, "Not found.");
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization")?.trim() ?? "")?.[1] ?? "";
  // Compare digests: equal length, and no timing to learn the secret by.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(settings.secret)) ? undefined : message(401, "Send the reservations secret as a Bearer token.");
}

async function formBody(request: Request): Promise<{ status: "read"; form: URLSearchParams } | { status: "refused"; answer: Answer }> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return { status: "refused", answer: message(400, "Send the fields as application/x-www-form-urlencoded.") };
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES)
    return { status: "refused", answer: message(400, "The request body is too large.") };
  const body = await readBounded(request, MAX_BODY_BYTES);
  if (body === "too-large") return { status: "refused", answer: message(400, "The request body is too large.") };
  return { status: "read", form: new URLSearchParams(body) };
}

function bookingOf(record: RoomRecord | "retired" | undefined, settings: ReservationSettings): RoomBooking {
  if (record === "retired") return { kind: "retired" };
  if (!record) return { kind: "unknown" };
  return { kind: "booked", id: reservationId(record.rowId, record.generation), startsAt: record.startsAt, window: meetingWindow(record, settings.window) };
}

/** The database away: 503, which Prosody retries. Anything else: 500, logged once (lib/failures.ts). */
async function guarded(work: () => Promise<Answer>): Promise<Answer> {
  try {
    return await work();
  } catch (error) {
    if (reportFailure("reservation API", error).status !== "unavailable") return message(500, "Planado failed to answer.");
    return json({ message: "Planado cannot answer right now." }, 503, { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) });
  }
}

/** POST /conference: may this room exist now, and until when? */
export async function createReservation(request: Request, settings: ReservationSettings, now: Date): Promise<Answer> {
  const refusal = refused(request, settings);
  if (refusal) return refusal;
  const body = await formBody(request);
  if (body.status === "refused") return body.answer;
  const parsed = reservationRequestSchema.safeParse(
    Object.fromEntries(["name", "start_time", "mail_owner"].flatMap((key) => (body.form.has(key) ? [[key, body.form.get(key)]] : []))),
  );
  if (!parsed.success) return message(400, parsed.error.issues.map((issue) => issue.message).join("; "));
  const { name, mail_owner: mailOwner } = parsed.data;
  const room = roomOfName(name);
  return guarded(async () => {
    const booking = bookingOf(await roomForReservation({ room }, settings.window, now), settings);
    const unbookedId = `unbooked-${createHash("sha256").update(room).digest("hex").slice(0, 16)}`;
    const decision = decideReservation({ name, mailOwner }, booking, now, { allowUnbooked: settings.allowUnbooked, unbookedId });
    return decision.status === 200 ? json(decision.reservation, 200) : message(403, decision.message);
  });
}

/**
 * GET /conference/{id}: 404, always. Prosody asks it only after a 409, which Planado never answers;
 * answering it would list rooms by their reservation ids (a row's number and a generation: easy to
 * count through) to whoever holds the reservations secret, and it reads nothing.
 */
export function readReservation(): Answer {
  return message(404, "There is no such reservation.");
}

/** DELETE /conference/{id}: the room has ended. Nothing to keep. */
export function endReservation(request: Request, settings: ReservationSettings): Answer {
  return refused(request, settings) ?? json({}, 200);
}
