/** Tokens, checked by an independent library (jose) as Prosody would check them. */
import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { roomLink } from "./room-link";
import { roomToken } from "./token";
import { CLOCK_SKEW_SECONDS } from "./window";

const settings = { appId: "planado", secret: "s".repeat(40), audience: "jitsi", subject: "meet.example.org" };
const key = new TextEncoder().encode(settings.secret);
// A one-hour meeting at 08:00, opening 10 minutes early, with 30 minutes' grace.
const window = { opensAt: new Date("2026-12-01T07:50:00Z"), endsAt: new Date("2026-12-01T09:30:00Z") };
const seconds = (iso: string) => new Date(iso).getTime() / 1000;

describe("roomToken", () => {
  it("admits to one room, within the booking window only, and names nobody", async () => {
    const token = roomToken(settings, "abcdefghijklmnopqrstuvwxyz", window, { moderator: false });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    const { payload } = await jwtVerify(token, key, {
      issuer: "planado",
      audience: "jitsi",
      subject: "meet.example.org",
      algorithms: ["HS256"],
      currentDate: new Date("2026-12-01T08:30:00Z"),
    });
    expect(payload).toEqual({
      iss: "planado",
      aud: "jitsi",
      sub: "meet.example.org",
      room: "abcdefghijklmnopqrstuvwxyz",
      nbf: seconds("2026-12-01T07:50:00Z") - CLOCK_SKEW_SECONDS,
      exp: seconds("2026-12-01T09:30:00Z"),
    });
    // Useless before the window (less a minute for clocks) and after it.
    await expect(jwtVerify(token, key, { currentDate: new Date("2026-12-01T07:48:00Z") })).rejects.toThrow(/nbf/);
    await expect(jwtVerify(token, key, { currentDate: new Date("2026-12-01T07:49:30Z") })).resolves.toBeDefined();
    await expect(jwtVerify(token, key, { currentDate: new Date("2026-12-01T09:30:01Z") })).rejects.toThrow(/exp/);
    // And with another secret, nothing.
    await expect(jwtVerify(token, new TextEncoder().encode("t".repeat(40)), { currentDate: new Date("2026-12-01T08:30:00Z") })).rejects.toThrow(/signature/);
  });

  it("makes the organizer moderator in both conventions Prosody's plugins read, and nobody else", async () => {
    const options = { currentDate: new Date("2026-12-01T08:00:00Z") };
    const organizer = (await jwtVerify(roomToken(settings, "r".repeat(26), window, { moderator: true }), key, options)).payload;
    expect(organizer.context).toEqual({ user: { moderator: true, affiliation: "owner" } });
    const participant = (await jwtVerify(roomToken(settings, "r".repeat(26), window, { moderator: false }), key, options)).payload;
    expect(participant).not.toHaveProperty("context");
  });
});

describe("roomLink", () => {
  it("is the bare room on a Jitsi without tokens, and adds the token and the shown name when asked", () => {
    expect(roomLink("https://meet.jit.si", "a".repeat(26))).toBe(`https://meet.jit.si/${"a".repeat(26)}`);
    const link = new URL(roomLink("https://meet.example.org", "a".repeat(26), { token: settings, window, subject: 'Choir "A" & friends' }));
    expect(link.pathname).toBe(`/${"a".repeat(26)}`);
    expect(link.searchParams.get("jwt")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The name in the fragment (never sent to a server), as the JSON string Jitsi reads.
    expect(link.hash).toBe(`#config.localSubject=${encodeURIComponent('"Choir \\"A\\" & friends"')}`);
    expect(JSON.parse(decodeURIComponent(link.hash.split("=")[1]!))).toBe('Choir "A" & friends');
  });
});
