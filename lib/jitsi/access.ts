/**
 * How this Planado hands out rooms, from its configuration: the Jitsi server, the privacy notice, and
 * when the operator enforces bookings on their own Jitsi (reservations, tokens) the booking window,
 * the token settings and whether the name is shown.
 */
import { getConfig } from "../env";
import type { Config } from "../env";
import type { TokenSettings } from "./token";
import type { WindowPolicy } from "./window";

export interface RoomAccess {
  jitsiUrl: string;
  privacyNoticeUrl?: string;
  /** Set when Jitsi enforces bookings: a room exists only within its window. */
  window?: WindowPolicy;
  token?: TokenSettings;
  showName: boolean;
}

function tokenSettings(config: Config): TokenSettings | undefined {
  if (!config.JITSI_JWT_APP_ID || !config.JITSI_JWT_SECRET) return undefined;
  return { appId: config.JITSI_JWT_APP_ID, secret: config.JITSI_JWT_SECRET, audience: config.JITSI_JWT_AUDIENCE, subject: config.JITSI_JWT_SUBJECT };
}

/**
 * Whether the operator's Jitsi enforces bookings (token authentication or reservations): then a room
 * exists only within its window, and a meeting is over at its booked end plus the grace period
 * (lib/conferences/meeting-phase.ts).
 */
export function enforcesBookings(config: Config = getConfig()): boolean {
  return Boolean(tokenSettings(config) || config.JITSI_RESERVATIONS_SECRET);
}

/** When a room may exist around its booking, from the configuration (tokens and reservations alike). */
export function windowPolicy(config: Config = getConfig()): WindowPolicy {
  return { earlyJoinMinutes: config.EARLY_JOIN_MINUTES, graceMinutes: config.JITSI_RESERVATION_GRACE_MINUTES };
}

export function roomAccess(config: Config = getConfig()): RoomAccess {
  return {
    jitsiUrl: config.JITSI_URL,
    privacyNoticeUrl: config.PRIVACY_NOTICE_URL,
    window: enforcesBookings(config) ? windowPolicy(config) : undefined,
    token: tokenSettings(config),
    showName: config.JITSI_SHOW_NAME,
  };
}
