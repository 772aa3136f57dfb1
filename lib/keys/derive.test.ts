import { describe, expect, it } from "vitest";
import { ID_PATTERN, newId } from "../ids";
import { deriveKeys, hashId, invitationIdFor, nameSignature, roomFromHashFor, roomIdFor, sealIds, unsealIds } from "./derive";

const keys = deriveKeys("s".repeat(43));
const other = deriveKeys("t".repeat(43));

describe("keys from the server secret", () => {
  it("derive ids that look like any other id, differ per purpose, per secret and per generation", () => {
    const adminId = newId();
    const invitationId = invitationIdFor(keys, adminId);
    expect(invitationId).toMatch(ID_PATTERN);
    expect(invitationId).not.toBe(adminId);
    expect(invitationIdFor(other, adminId)).not.toBe(invitationId);
    const rooms = [1, 2, 3].map((generation) => roomIdFor(keys, invitationId, generation));
    for (const room of rooms) expect(room).toMatch(ID_PATTERN);
    expect(new Set(rooms).size).toBe(3);
    expect(roomIdFor(keys, invitationId, 1)).toBe(rooms[0]);
    expect(roomIdFor(other, invitationId, 1)).not.toBe(rooms[0]);
  });

  it("derive rooms from the invitation id, which no row holds: its hash (which a row holds) names no room", () => {
    const invitationId = newId();
    const hash = hashId(invitationId);
    const rooms = new Set([1, 2, 3].map((generation) => roomIdFor(keys, invitationId, generation)));
    // What a copy of the database and the secret could compute, for every generation: never a room.
    for (const generation of [1, 2, 3]) {
      expect(rooms).not.toContain(roomFromHashFor(keys, hash, generation));
      expect(rooms).not.toContain(roomIdFor(keys, Buffer.from(hash).toString("hex"), generation));
    }
  });

  it("still derive the rooms of rows from before as that release did (a room handed out then keeps working)", () => {
    // Computed by the release of 2026-12-07 (roomIdFor then took the invitation's hash): a fixed point.
    const old = deriveKeys("s".repeat(43));
    expect(roomFromHashFor(old, hashId("a".repeat(26)), 1)).toBe("7gjbi5gh4aps2chv7mmgx55hb4");
  });

  it("keep a calendar secret that was set, and tell secrets apart by a fingerprint", () => {
    expect(deriveKeys("s".repeat(43), "c".repeat(40)).calendar).toBe("c".repeat(40));
    expect(keys.calendar).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(other.fingerprint).not.toBe(keys.fingerprint);
    expect(deriveKeys("s".repeat(43)).fingerprint).toBe(keys.fingerprint);
  });

  it("seal a row's old ids so only the same secret and the same row open them", () => {
    const ids = { invitationId: newId(), roomId: newId() };
    const hash = hashId(ids.invitationId);
    const sealed = sealIds(keys, ids, hash);
    expect(sealed.toString("latin1")).not.toContain(ids.roomId);
    expect(unsealIds(keys, sealed, hash)).toEqual(ids);
    expect(() => unsealIds(other, sealed, hash)).toThrow();
    expect(() => unsealIds(keys, sealed, hashId("another row"))).toThrow();
  });

  it("sign a name for one invitation only", () => {
    const signature = nameSignature(keys, "a".repeat(26), "Choir");
    expect(signature).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(nameSignature(keys, "b".repeat(26), "Choir")).not.toBe(signature);
    expect(nameSignature(keys, "a".repeat(26), "Choir!")).not.toBe(signature);
    expect(nameSignature(other, "a".repeat(26), "Choir")).not.toBe(signature);
  });
});
