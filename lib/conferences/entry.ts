/**
 * The one rule of the participant's path: where someone who opens an invitation goes now. Before the
 * room opens they wait; once it is open they go to the room, unless the operator wants them to read
 * a privacy notice first (then they go to the room from the notice's "Continue"). Where the operator's
 * Jitsi enforces bookings, the room link carries a token for the meeting's window. Once the meeting is
 * over there is no way in. When it opens and ends is the meeting's phase (./meeting-phase.ts), decided
 * by the look-up. Used by the invitation page, its "Continue" and the API's invitation status alike.
 */
import type { RoomAccess } from "../jitsi/access";
import { roomLink } from "../jitsi/room-link";
import type { Conference } from "./conference";
import type { MeetingPhase } from "./meeting-phase";

export type Entry =
  | { kind: "wait"; msToOpen: number; secondsToOpen: number }
  | { kind: "notice"; noticeUrl: string; roomUrl: string }
  | { kind: "room"; roomUrl: string }
  | { kind: "over" };

export interface EntryRequest {
  /** The moment of the request (the phase was decided for it: see lookUpInvitation). */
  now: Date;
  /**
   * The conference's name, if the link carries the one Planado signed (shown in the room if wanted).
   * A function is asked only then: reading a name (a signature check) is wasted on the wait page,
   * the page a whole school asks for at once.
   */
  name?: string | (() => string | undefined);
}

export function invitationEntry(conference: Pick<Conference, "roomId">, state: MeetingPhase, access: RoomAccess, request: EntryRequest): Entry {
  if (state.status === "waiting") return { kind: "wait", msToOpen: state.msToOpen, secondsToOpen: state.secondsToOpen };
  if (state.status === "over") return { kind: "over" };
  const room = roomLink(access.jitsiUrl, conference.roomId, {
    token: access.token,
    window: state.window,
    subject: access.showName ? (typeof request.name === "function" ? request.name() : request.name) : undefined,
  });
  if (access.privacyNoticeUrl) return { kind: "notice", noticeUrl: access.privacyNoticeUrl, roomUrl: room };
  return { kind: "room", roomUrl: room };
}

/** After the notice's "Continue": the room if it is open, otherwise undefined (back to the invitation). */
export function roomAfterNotice(entry: Entry): string | undefined {
  return entry.kind === "notice" || entry.kind === "room" ? entry.roomUrl : undefined;
}
