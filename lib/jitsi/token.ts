/**
 * Jitsi's token authentication (JWT, HS256; lib-jitsi-meet doc/tokens.md and Prosody's token
 * plugins): a token that admits to one room, only within its booking window, and names nobody.
 * Pure: the keys and the moment come in as arguments. Signed with node:crypto (HS256 is one HMAC);
 * the tests verify the tokens with an independent library (jose).
 */
import { createHmac } from "node:crypto";
import { jitsiAdmitsFrom } from "./window";
import type { BookingWindow } from "./window";

export interface TokenSettings {
  /** `iss`: Prosody's app_id. */
  appId: string;
  /** Prosody's app_secret. */
  secret: string;
  /** `aud` (Prosody accepts any by default). */
  audience: string;
  /** `sub`: the Jitsi domain (or tenant), or "*". */
  subject: string;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const head = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(payload))}`;
  return `${head}.${createHmac("sha256", secret).update(head).digest("base64url")}`;
}

/**
 * The token for a room, valid for its booking window (a token is handed out only once the window is
 * open; "Join now" opens it early for its organizer). `moderator` (the organizer) adds both
 * conventions Prosody's plugins read: context.user.moderator and context.user.affiliation "owner".
 */
export function roomToken(settings: TokenSettings, room: string, window: BookingWindow, options: { moderator: boolean }): string {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  return signJwt(
    {
      iss: settings.appId,
      aud: settings.audience,
      sub: settings.subject,
      room,
      // From the instant the reservation hook admits the room too (./window.ts).
      nbf: seconds(jitsiAdmitsFrom(window)),
      exp: seconds(window.endsAt),
      ...(options.moderator ? { context: { user: { moderator: true, affiliation: "owner" } } } : {}),
    },
    settings.secret,
  );
}
