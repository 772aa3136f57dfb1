/**
 * The address of a Jitsi room as Planado hands it out: the room, a token when the operator's Jitsi
 * authenticates by token, and the conference's name in the fragment when the operator wants it shown.
 * A fragment never leaves the browser (Jitsi's own web app may still report it, if that Jitsi collects
 * analytics). Pure.
 */
import { roomToken } from "./token";
import type { TokenSettings } from "./token";
import type { BookingWindow } from "./window";

export interface RoomLinkOptions {
  /** Token authentication on the operator's Jitsi. */
  token?: TokenSettings;
  /** The booking window the token is valid for (with `token`). */
  window?: BookingWindow;
  /** The organizer: a moderator's token. */
  moderator?: boolean;
  /** The name to show in the room (config.localSubject: each participant's own Jitsi only). */
  subject?: string;
}

export function roomLink(jitsiUrl: string, roomId: string, options: RoomLinkOptions = {}): string {
  let url = `${jitsiUrl}/${roomId}`;
  if (options.token && options.window) url += `?jwt=${roomToken(options.token, roomId, options.window, { moderator: options.moderator ?? false })}`;
  // Jitsi reads fragment settings as JSON: a quoted string.
  if (options.subject) url += `#config.localSubject=${encodeURIComponent(JSON.stringify(options.subject))}`;
  return url;
}
