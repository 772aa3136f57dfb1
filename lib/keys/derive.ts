/**
 * Everything Planado keys from its one server secret, and what it computes with those keys. Pure:
 * the secret comes in as an argument (see ./server-secret.ts for where it comes from).
 *
 * What the database holds, and why a copy of it is of no use (a backup, a dump, a curious operator):
 *  - invitation and admin ids only as SHA-256 hashes: a request with the id finds its row, the row
 *    gives back no id (128 random bits need no salt);
 *  - no room at all: a room is derived from the invitation id itself (which no row holds) and a
 *    generation counter with a keyed HMAC, so naming it takes the secret *and* the link; the row
 *    keeps the room's hash only once the room was handed out (Jitsi's reservation calls find the
 *    conference by it), so even the database plus the secret name no room;
 *  - rows from before that keep the room they had, derived from the invitation's hash (which the
 *    row holds), until it is replaced (see roomFromHashFor);
 *  - the invitation id is derived from the admin id the same way, so the admin page can show the
 *    invitation link while the two stay unrelated to anyone without the secret;
 *  - rows booked before this scheme keep their ids sealed (AES-256-GCM) until they are gone.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { base32 } from "../ids";
import { secretWeakness } from "./secret-strength";

export interface Keys {
  /** Derives rooms from an invitation id and a generation. */
  room: Buffer;
  /** Derived the rooms of rows booked before rooms came from the invitation id (from its hash). */
  roomFromHash: Buffer;
  /** Derives a new conference's invitation id from its admin id. */
  invitation: Buffer;
  /** Signs the conference name carried in invitation links. */
  name: Buffer;
  /** Seals the ids of rows booked before ids were hashed. */
  seal: Buffer;
  /** Signs calendar links (CALENDAR_SECRET, or its file from before, still win when present). */
  calendar: string;
  /** Tells whether two servers hold the same secret, without revealing it (kept in the database). */
  fingerprint: string;
  /** Why the secret is too weak to stand a stolen database (./secret-strength.ts); undefined when it is strong. */
  secretWeakness: string | undefined;
}

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "planado", purpose, 32));
}

export function deriveKeys(secret: string, calendarSecret?: string): Keys {
  return {
    room: derive(secret, "room from invitation id"),
    roomFromHash: derive(secret, "room"),
    invitation: derive(secret, "invitation"),
    name: derive(secret, "name"),
    seal: derive(secret, "seal"),
    calendar: calendarSecret ?? derive(secret, "calendar").toString("base64url"),
    fingerprint: derive(secret, "fingerprint").subarray(0, 16).toString("hex"),
    secretWeakness: secretWeakness(secret),
  };
}

/** How an id is stored and looked up (as the database driver takes bytes). */
export function hashId(id: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(id, "utf8").digest());
}

/** 128 bits of a keyed HMAC, as an id is written (lowercase base32, 26 characters). */
function keyedId(key: Buffer, ...parts: (string | Uint8Array)[]): string {
  const mac = createHmac("sha256", key);
  for (const part of parts) mac.update(part);
  return base32(mac.digest().subarray(0, 16));
}

/** A new conference's invitation id, from its admin id. */
export function invitationIdFor(keys: Keys, adminId: string): string {
  return keyedId(keys.invitation, adminId);
}

function counter(generation: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(generation);
  return bytes;
}

/** The room of an invitation in a given generation (the first is 1). */
export function roomIdFor(keys: Keys, invitationId: string, generation: number): string {
  return keyedId(keys.room, Buffer.from(invitationId, "utf8"), counter(generation));
}

/**
 * How rooms were derived until 2026-12 (from the invitation's hash, which the row holds: a copy of
 * the database and the secret named every room). Kept for the room a row had at the upgrade, which
 * may have been handed out and must not change.
 */
export function roomFromHashFor(keys: Keys, invitationHash: Uint8Array, generation: number): string {
  return keyedId(keys.roomFromHash, invitationHash, counter(generation));
}

/** What a conference's row holds about its room (never the room). */
export interface StoredRoom {
  invitationHash: Uint8Array;
  roomGeneration: number;
  /** Up to this generation the room is derived from the invitation's hash (rows of earlier releases). */
  roomFromHashUntil: number | null;
  /** The room's hash, once the room was handed out. */
  roomHash: Uint8Array | null;
  legacyIds: Uint8Array | null;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/**
 * A row's room now, and whether its hash is recorded yet. Derived from the invitation id, unless the
 * row is from before and still has the room it had then: its first (sealed), or one derived from the
 * invitation's hash, as `roomFromHashUntil` says or as the recorded hash shows (a server of the
 * earlier release wrote the row after the upgrade's migration).
 */
export function roomOfRow(keys: Keys, row: StoredRoom, invitationId: string): { roomId: string; roomRecorded: boolean } {
  const recorded = row.roomHash !== null;
  if (row.legacyIds && row.roomGeneration === 0) return { roomId: unsealIds(keys, row.legacyIds, row.invitationHash).roomId, roomRecorded: recorded };
  const fromHash = () => roomFromHashFor(keys, row.invitationHash, row.roomGeneration);
  if (row.roomFromHashUntil !== null && row.roomGeneration <= row.roomFromHashUntil) return { roomId: fromHash(), roomRecorded: recorded };
  const roomId = roomIdFor(keys, invitationId, row.roomGeneration);
  if (!row.roomHash || sameBytes(row.roomHash, hashId(roomId))) return { roomId, roomRecorded: recorded };
  const earlier = fromHash();
  if (sameBytes(row.roomHash, hashId(earlier))) return { roomId: earlier, roomRecorded: true };
  // A hash of neither: no server wrote that. Not recorded, so nobody is sent to it (see recordRoom).
  return { roomId, roomRecorded: false };
}

/** The ids of a row booked before ids were hashed. */
export interface LegacyIds {
  invitationId: string;
  roomId: string;
}

/** Seals a legacy row's ids, bound to that row's invitation hash. */
export function sealIds(keys: Keys, ids: LegacyIds, invitationHash: Uint8Array): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.seal, iv).setAAD(invitationHash);
  const sealed = Buffer.concat([cipher.update(JSON.stringify([ids.invitationId, ids.roomId]), "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]);
}

export function unsealIds(keys: Keys, sealed: Uint8Array, invitationHash: Uint8Array): LegacyIds {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", keys.seal, bytes.subarray(0, 12)).setAAD(invitationHash);
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  const [invitationId, roomId] = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8")) as [
    string,
    string,
  ];
  return { invitationId, roomId };
}

/** The signature of a conference name in an invitation link (about 66 bits: guessing one is hopeless). */
export function nameSignature(keys: Keys, invitationId: string, name: string): string {
  return createHmac("sha256", keys.name)
    .update(JSON.stringify([invitationId, name]))
    .digest("base64url")
    .slice(0, 11);
}
