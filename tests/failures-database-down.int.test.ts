/**
 * Every door with the database stopped (a port where nothing listens): the friendly 503 (or the
 * form's "try again in a minute"), and nothing logged: the database being away is not a bug.
 * Bugs at the same doors: failures-bugs.int.test.ts.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freePort } from "@/scripts/lib/free-port";
import { english } from "@/lib/i18n/translate";
import type { ApiContext } from "@/lib/api/handlers";

// What Next gives a request's server code; the language is English.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-planado-path": "/a/some-admin-id?n=Maths" }) }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));

// Point this file's code at a port where no database listens (modules are isolated per file).
beforeAll(async () => {
  process.env.DATABASE_URL = `mysql://root:topsecret@127.0.0.1:${await freePort()}/planado`;
});

const logged: string[] = [];
beforeEach(async () => {
  logged.length = 0;
  for (const method of ["log", "info", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args.join(" ")));
  // Each test meets the database's absence itself, not the load shedding of the one before.
  (await import("@/lib/availability")).databaseAnswered();
});
afterEach(() => vi.restoreAllMocks());

const ctx = (): ApiContext => ({ now: new Date("2027-03-01T10:00:00Z"), baseUrl: "https://planado.test", client: "192.0.2.1", origin: null, t: english });

describe("with the database stopped", () => {
  it("the API answers the unavailable problem, 503 with Retry-After", async () => {
    const { bookByApi, readByApi } = await import("@/lib/api/handlers");
    const body = JSON.stringify({ name: "Maths", start: "2027-03-02T10:00", timeZone: "UTC" });
    const request = new Request("https://planado.test/api/v1/conferences", { method: "POST", body, headers: { "Content-Type": "application/json" } });
    for (const answer of [await bookByApi(request, ctx()), await readByApi(new Request("https://planado.test/api/v1/conferences/x"), "a".repeat(26), ctx())]) {
      expect(answer.status).toBe(503);
      expect(answer.headers["retry-after"]).toBe("10");
      expect(JSON.parse(String(answer.body))).toMatchObject({ type: "urn:planado:problem:unavailable", status: 503 });
    }
    expect(logged).toEqual([]);
  });

  it("the reservation API answers 503, which Prosody retries", async () => {
    const { createReservation } = await import("@/lib/api/reservations");
    const settings = { secret: "prosody-reservations-secret-0123456789abcdef", allowUnbooked: false, window: { earlyJoinMinutes: 0, graceMinutes: 30 } };
    const body = new URLSearchParams({ name: "abcdefghijklmnopqrstuvwxyz", start_time: "2027-03-01T10:00:00.000Z" });
    const headers = { Authorization: `Bearer ${settings.secret}`, "Content-Type": "application/x-www-form-urlencoded" };
    const request = new Request("https://planado.test/api/jitsi/conference", { method: "POST", body, headers });
    const answer = await createReservation(request, settings, new Date("2027-03-01T10:00:00Z"));
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toBe("10");
    expect(JSON.parse(String(answer.body))).toEqual({ message: "Planado cannot answer right now." });
    expect(logged).toEqual([]);
  });

  it("a form says to try again in a minute and keeps what was typed", async () => {
    const { bookConference } = await import("@/app/actions");
    const form = new FormData();
    form.set("name", "Maths");
    form.set("intent", "now");
    form.set("timeZone", "UTC");
    const state = await bookConference({ errors: {}, attempt: 0 }, form);
    expect(state.message).toBe(english("actions.unavailable"));
    expect(state.values?.name).toBe("Maths");
    expect(logged).toEqual([]);
  });

  it("an admin page sends the visitor to the same address, where the request pipeline answers the friendly 503", async () => {
    const { pageLookUp } = await import("@/app/_shared/visitor");
    const { findForAdmin } = await import("@/lib/conferences/operations");
    const { shouldShedLoad } = await import("@/lib/availability");
    const redirected = await pageLookUp(() => findForAdmin("a".repeat(26))).catch((error: unknown) => error);
    expect(redirected).toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;replace;\/a\/some-admin-id\?n=Maths;307;/) });
    expect(shouldShedLoad()).toBe(true); // what lib/pipeline/admission.ts asks when the visitor comes back
    expect(logged).toEqual([]);
  });
});
