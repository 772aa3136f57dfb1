/**
 * The one rule of the participant's path: where someone who opens an invitation goes now. Before the
 * room opens they wait; once it is open they go to the room, unless the operator wants them to read
 * a privacy notice first (then they go to the room from the notice's "Continue"). Used by the
 * invitation page, its "Continue" and the API's invitation status alike.
 */
import type { Conference, InvitationState } from "./conference";
import { roomUrl } from "./links";

export interface EntryOptions {
  jitsiUrl: string;
  privacyNoticeUrl?: string;
}

export type Entry =
  | { kind: "wait"; msToOpen: number; secondsToOpen: number }
  | { kind: "notice"; noticeUrl: string; roomUrl: string }
  | { kind: "room"; roomUrl: string };

export function invitationEntry(conference: Pick<Conference, "roomId">, state: Exclude<InvitationState, { status: "ended" }>, options: EntryOptions): Entry {
  if (state.status === "waiting") return { kind: "wait", msToOpen: state.msToOpen, secondsToOpen: state.secondsToOpen };
  const room = roomUrl(options.jitsiUrl, conference.roomId);
  if (options.privacyNoticeUrl) return { kind: "notice", noticeUrl: options.privacyNoticeUrl, roomUrl: room };
  return { kind: "room", roomUrl: room };
}

/** After the notice's "Continue": the room if it is open, otherwise undefined (back to the invitation). */
export function roomAfterNotice(entry: Entry): string | undefined {
  return entry.kind === "wait" ? undefined : entry.roomUrl;
}
