/**
 * Signatures for calendar links. A calendar file is built from its URL alone (it never reads the
 * database), so the URL carries an HMAC of everything in it: nobody can make a Planado instance hand
 * out a calendar file with text or links of their choosing.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type Purpose = "file" | "feed";

function mac(secret: string, parts: string[]): Buffer {
  // JSON keeps the parts apart unambiguously ("a","bc" never signs like "ab","c").
  return createHmac("sha256", secret).update(JSON.stringify(parts)).digest();
}

/** A 128-bit signature of the fields for one purpose, base64url (22 characters). */
export function sign(secret: string, purpose: Purpose, fields: string[]): string {
  return mac(secret, [purpose, ...fields])
    .subarray(0, 16)
    .toString("base64url");
}

export function verify(secret: string, purpose: Purpose, fields: string[], signature: string): boolean {
  const expected = Buffer.from(sign(secret, purpose, fields));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The event's UID: the same for every revision of a conference (so calendars update it rather than
 * adding a second event), derived so that it reveals no id.
 */
export function eventUid(secret: string, invitationId: string): string {
  return `${mac(secret, ["uid", invitationId]).subarray(0, 16).toString("hex")}@planado`;
}
