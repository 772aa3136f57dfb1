/**
 * Invitations are read far more than they change, and all at once at the start: they are cached for
 * a second (one cache per process, shared by both ways in: see lib/process-wide.ts). Whatever changes
 * or deletes a conference forgets its entry here.
 */
import { getConfig } from "../env";
import { processWide } from "../process-wide";
import type { Conference } from "./conference";
import { ShortCache } from "./short-cache";

/** At most this many invitations are held (a bounded cache: junk ids never reach it, see isId). */
const MAX_CACHED_INVITATIONS = 10_000;

export function invitationCache(): ShortCache<string, Conference | null> {
  return processWide("planadoInvitations", () => new ShortCache<string, Conference | null>(getConfig().INVITATION_CACHE_MS, MAX_CACHED_INVITATIONS));
}
