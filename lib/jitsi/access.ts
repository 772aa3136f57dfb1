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

/** When a room may exist around its booking, from the configuration (tokens and reservations alike). */
export function windowPolicy(config: Config = getConfig()): WindowPolicy {
  return { earlyJoinMinutes: config.EARLY_JOIN_MINUTES, graceMinutes: config.JITSI_RESERVATION_GRACE_MINUTES };
}

export function roomAccess(config: Config = getConfig()): RoomAccess {
  const token =
    config.JITSI_JWT_APP_ID && config.JITSI_JWT_SECRET
      ? { appId: config.JITSI_JWT_APP_ID, secret: config.JITSI_JWT_SECRET, audience: config.JITSI_JWT_AUDIENCE, subject: config.JITSI_JWT_SUBJECT }
      : undefined;
  const enforced = Boolean(token || config.JITSI_RESERVATIONS_SECRET);
  return {
    jitsiUrl: config.JITSI_URL,
    privacyNoticeUrl: config.PRIVACY_NOTICE_URL,
    window: enforced ? windowPolicy(config) : undefined,
    token,
    showName: config.JITSI_SHOW_NAME,
  };
}
