/**
 * Every door meeting a bug of ours (an operation that throws a TypeError, as code does): a 500 (or the
 * form's "something went wrong", never "cannot reach the database"), logged exactly once, by its kind
 * only. The database away at the same doors: failures-database-down.int.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { english } from "@/lib/i18n/translate";
import type { ApiContext } from "@/lib/api/handlers";
import * as operations from "@/lib/conferences/operations";

// What Next gives a request's server code; the language is English.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-planado-path": "/a/x" }) }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
// The operations as they are, each of which a test can make fail once.
vi.mock("@/lib/conferences/operations", async (importOriginal) => {
  const original = await importOriginal<typeof operations>();
  return { ...original, book: vi.fn(original.book), findForAdmin: vi.fn(original.findForAdmin), roomForReservation: vi.fn(original.roomForReservation) };
});

/** A bug, with an id in its message as a careless one might have: it must not reach the log. */
const bug = () => new TypeError("Cannot read properties of undefined (reading 'startsAt') for conference abcdefghijklmnopqrstuvwxyz");

const logged: string[] = [];
beforeEach(() => {
  logged.length = 0;
  for (const method of ["log", "info", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args.join(" ")));
});
afterEach(() => vi.restoreAllMocks());

/** Exactly one line, saying a bug happened at `door`, and nothing of the request. */
function expectOneBugLine(door: string) {
  expect(logged).toEqual([`[planado] ${door} failed: bug: TypeError`]);
}

const ctx = (): ApiContext => ({ now: new Date("2027-03-01T10:00:00Z"), baseUrl: "https://planado.test", client: "192.0.2.7", origin: null, t: english });

describe("a bug", () => {
  it("in the API is the internal problem, 500, logged once", async () => {
    const { readByApi } = await import("@/lib/api/handlers");
    vi.mocked(operations.findForAdmin).mockRejectedValueOnce(bug());
    const answer = await readByApi(new Request("https://planado.test/api/v1/conferences/x"), "a".repeat(26), ctx());
    expect(answer.status).toBe(500);
    expect(JSON.parse(String(answer.body))).toMatchObject({ type: "urn:planado:problem:internal", status: 500 });
    expectOneBugLine("API");
  });

  it("in the reservation API is a 500, logged once (not Prosody's retryable 503)", async () => {
    const { createReservation } = await import("@/lib/api/reservations");
    vi.mocked(operations.roomForReservation).mockRejectedValueOnce(bug());
    const settings = { secret: "prosody-reservations-secret-0123456789abcdef", allowUnbooked: false, window: { earlyJoinMinutes: 0, graceMinutes: 30 } };
    const body = new URLSearchParams({ name: "abcdefghijklmnopqrstuvwxyz", start_time: "2027-03-01T10:00:00.000Z" });
    const headers = { Authorization: `Bearer ${settings.secret}`, "Content-Type": "application/x-www-form-urlencoded" };
    const request = new Request("https://planado.test/api/jitsi/conference", { method: "POST", body, headers });
    const answer = await createReservation(request, settings, new Date("2027-03-01T10:00:00Z"));
    expect(answer.status).toBe(500);
    expect(JSON.parse(String(answer.body))).toEqual({ message: "Planado failed to answer." });
    expectOneBugLine("reservation API");
  });

  it("in a form's action says something went wrong, not that the database is away, logged once", async () => {
    const { bookConference } = await import("@/app/actions");
    vi.mocked(operations.book).mockRejectedValueOnce(bug());
    const form = new FormData();
    form.set("name", "Maths");
    form.set("intent", "now");
    form.set("timeZone", "UTC");
    const state = await bookConference({ errors: {}, attempt: 0 }, form);
    expect(state.message).toBe(english("actions.failed"));
    expect(state.message).not.toBe(english("actions.unavailable"));
    expect(state.values?.name).toBe("Maths");
    expectOneBugLine("booking action");
  });

  it("in an admin page goes on to Next's error page (500), which logs it: not logged here too", async () => {
    const { pageLookUp } = await import("@/app/_shared/visitor");
    const thrown = bug();
    vi.mocked(operations.findForAdmin).mockRejectedValueOnce(thrown);
    await expect(pageLookUp(() => operations.findForAdmin("a".repeat(26)))).rejects.toBe(thrown);
    expect(logged).toEqual([]);
  });

  it("in the calendar file's route is a 500 page in the visitor's language, logged once", async () => {
    const { GET } = await import("@/app/calendar/[file]/route");
    const request = new Request("https://planado.test/calendar/maths.ics?lang=de");
    const response = await GET(request, { params: Promise.reject(bug()) });
    expect(response.status).toBe(500);
    const page = await response.text();
    expect(page).toContain("Etwas ist schiefgegangen");
    expect(page).not.toMatch(/TypeError|abcdefghij/);
    expectOneBugLine("calendar file");
  });
});
