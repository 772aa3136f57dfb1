/**
 * Before anyone is sent to a room, its hash is stored (recordRoom in ./store.ts): Jitsi's reservation
 * calls find the conference by it, and whatever replaces the room retires it by it. A room nobody was
 * sent to leaves no trace in the database: a copy of it, with the server's secret, names no room.
 *
 * Once per room: when 2,000 participants arrive at the start, the first write is the one the rest wait
 * for (one conditional write per room and process; another process's own changes nothing). Bounded:
 * a room is remembered here for a minute, by which time every look-up reads it as recorded.
 */
import { processWide } from "../process-wide";
import type { Conference } from "./conference";
import { ShortCache } from "./short-cache";
import { recordRoom } from "./store";

const REMEMBERED_MS = 60_000;
const MAX_REMEMBERED_ROOMS = 10_000;

function recordedRooms(): ShortCache<string, boolean> {
  return processWide("planadoRecordedRooms", () => new ShortCache<string, boolean>(REMEMBERED_MS, MAX_REMEMBERED_ROOMS));
}

/**
 * Makes sure the conference's current room is recorded as handed out; true once it is, false when
 * that room is no longer the conference's (read before a change: look the conference up again).
 */
export async function handOutRoom(conference: Pick<Conference, "invitationId" | "roomId" | "roomGeneration" | "roomRecorded">): Promise<boolean> {
  if (conference.roomRecorded) return true;
  const rooms = recordedRooms();
  const recorded = await rooms.get(conference.roomId, () => recordRoom(conference));
  if (!recorded) rooms.forget(conference.roomId);
  return recorded;
}
