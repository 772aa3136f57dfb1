/**
 * Identifiers of a conference. Each comes straight from the operating system's CSPRNG, 128 bits,
 * independent of the others and of anything the organizer typed (the PHP tool Planado replaces derived
 * all three from one weak seed, so a room could be recovered from its invitation).
 *
 * Encoding: RFC 4648 base32 in lowercase without padding, 26 characters. Lowercase letters and
 * digits only, because Jitsi room names are case-insensitive, and easy to read out or type on a phone.
 */
import { randomBytes } from "node:crypto";
import { base32nopad } from "@scure/base";

export const ID_LENGTH = 26;
export const ID_PATTERN = /^[a-z2-7]{26}$/;

/** RFC 4648 base32, lowercase, unpadded (@scure/base: audited, no dependencies). */
export function base32(bytes: Uint8Array): string {
  return base32nopad.encode(bytes).toLowerCase();
}

/** A fresh 128-bit identifier. */
export function newId(): string {
  return base32(randomBytes(16));
}

export function isId(text: unknown): text is string {
  return typeof text === "string" && ID_PATTERN.test(text);
}

export interface ConferenceIds {
  invitationId: string;
  adminId: string;
  roomId: string;
}

export function newConferenceIds(): ConferenceIds {
  return { invitationId: newId(), adminId: newId(), roomId: newId() };
}
