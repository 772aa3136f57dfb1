/** Options an operator may set (PRIVACY_NOTICE_URL, EARLY_JOIN_MINUTES), and a database that is down. */
import { expect, test } from "@playwright/test";
import { NO_DATABASE_PORT, OPERATOR_OPTIONS_PORT } from "./support/settings";
import { book, daysAhead, expectInRoom, fillBooking, invitationPath, moveStart, ownClient, rowByAdmin } from "./support/planado";

const optionsServer = `http://127.0.0.1:${OPERATOR_OPTIONS_PORT}`;

test.describe("with a privacy notice and early join", () => {
  test.use({ baseURL: optionsServer });
  // This server allows 3 writes per client an hour: each test is a client of its own.
  test.beforeEach(({ context }) => context.setExtraHTTPHeaders(ownClient()));

  test("participants see the privacy notice and continue to the room", async ({ page }) => {
    const adminId = await book(page, { name: "Noticed", date: daysAhead(3), time: "09:00", timeZone: "UTC" });
    const row = (await rowByAdmin(adminId))!;
    await moveStart(adminId, -30);
    await page.goto(invitationPath(row.invitation_id, "Noticed"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Noticed has started");
    const notice = page.getByRole("link", { name: "privacy notice" });
    await expect(notice).toHaveAttribute("href", "https://planado.example.org/privacy");
    await expect(notice).toHaveAttribute("rel", "noopener noreferrer");
    await page.getByRole("link", { name: "Continue to the conference" }).click();
    await expectInRoom(page, row.room_id);
  });

  test("the room opens EARLY_JOIN_MINUTES before the start, not earlier", async ({ page }) => {
    const adminId = await book(page, { name: "Early", date: daysAhead(3), time: "09:00", timeZone: "UTC" });
    const row = (await rowByAdmin(adminId))!;

    await moveStart(adminId, 11 * 60);
    await page.goto(`/i/${row.invitation_id}`);
    await expect(page.getByText("Please wait")).toBeVisible();
    // Continuing by hand before the room opens leads back to the wait page.
    await page.goto(`/i/${row.invitation_id}/join`);
    await expect(page).toHaveURL(new RegExp(`/i/${row.invitation_id}$`));
    await expect(page.getByText("Please wait")).toBeVisible();

    await moveStart(adminId, 9 * 60);
    // This server caches invitations for a second, and the change was made behind its back (as
    // another server would): it shows within that second.
    await expect(async () => {
      await page.goto(`/i/${row.invitation_id}`);
      await expect(page.getByRole("link", { name: "Continue to the conference" })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 5_000 });
    await page.getByRole("link", { name: "Continue to the conference" }).click();
    await expectInRoom(page, row.room_id);

    // The main server, without early join, still asks to wait.
    await page.goto(`http://127.0.0.1:${OPERATOR_OPTIONS_PORT - 2}/i/${row.invitation_id}`);
    await expect(page.getByText("Please wait")).toBeVisible();
  });
});

test.describe("with invitations cached for a second", () => {
  test.use({ baseURL: optionsServer });
  // This server allows 3 writes per client an hour: each test is a client of its own.
  test.beforeEach(({ context }) => context.setExtraHTTPHeaders(ownClient()));

  test("an edit is seen by the invitation at once; a change made elsewhere within a second", async ({ page }) => {
    const adminId = await book(page, { name: "Cached", date: daysAhead(5), time: "09:00", timeZone: "UTC" });
    const row = (await rowByAdmin(adminId))!;
    await page.goto(`/i/${row.invitation_id}`);
    await expect(page.getByTestId("organizer-time")).toContainText("at 09:00");

    await page.goto(`/a/${adminId}?n=Cached`);
    const edit = page.getByRole("region", { name: "Change the conference" });
    await edit.getByLabel("Start time").fill("10:15");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/updated=1/);
    await page.goto(`/i/${row.invitation_id}`);
    await expect(page.getByTestId("organizer-time")).toContainText("at 10:15");

    // Another server moves the start to now: this one notices within the cache's second.
    await moveStart(adminId, -5);
    await expect
      .poll(
        async () => {
          await page.goto(invitationPath(row.invitation_id, "Cached"));
          return page.getByRole("heading", { level: 1 }).textContent();
        },
        { intervals: [250], timeout: 5_000 },
      )
      .toBe("Cached has started");
  });
});

test.describe("one write limit for every door", () => {
  // This server allows 3 writes per client an hour; this test is a client of its own.
  test.use({ baseURL: optionsServer });
  test.beforeEach(({ context }) => context.setExtraHTTPHeaders(ownClient()));

  test("bookings through the form and the API count against the same limit", async ({ page }) => {
    const api = () => page.request.post("/api/v1/conferences", { data: { name: "Door", start: `${daysAhead(4)}T10:00`, timeZone: "UTC" } });
    expect((await api()).status()).toBe(201);
    expect((await api()).status()).toBe(201);
    const adminId = await book(page, { name: "Third", date: daysAhead(4), time: "11:00", timeZone: "UTC" });
    // The fourth write, through the form: refused, nothing saved, what was typed kept.
    await page.goto("/");
    await fillBooking(page, { name: "Fourth", date: daysAhead(4), time: "12:00", timeZone: "UTC" });
    await page.getByRole("button", { name: "Book the conference" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Too many changes from your network" })).toBeVisible();
    await expect(page.getByLabel("Name of the conference")).toHaveValue("Fourth");
    // …and through the API, and an edit of the conference booked above.
    expect((await api()).status()).toBe(429);
    await page.goto(`/a/${adminId}?n=Third`);
    const edit = page.getByRole("region", { name: "Change the conference" });
    await edit.getByLabel("Start time").fill("13:00");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Too many changes from your network" })).toBeVisible();
    expect(await rowByAdmin(adminId)).toMatchObject({ revision: 1 });
  });
});

test.describe("when the database is down", () => {
  test.use({ baseURL: `http://127.0.0.1:${NO_DATABASE_PORT}` });

  test("booking says so, saves nothing and keeps what was typed", async ({ page }) => {
    await page.goto("/");
    await fillBooking(page, { name: "Unlucky", date: daysAhead(3), time: "09:00", timeZone: "Europe/Berlin", repeat: "weekly", occurrences: "3" });
    await page.getByRole("button", { name: "Book the conference" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Planado cannot reach its database right now, so nothing was saved." })).toBeVisible({
      timeout: 15_000,
    });
    await expect(page.getByLabel("Name of the conference")).toHaveValue("Unlucky");
    await expect(page.getByLabel("Start time")).toHaveValue("09:00");
    await expect(page.getByLabel("Repeat", { exact: true })).toHaveValue("weekly");
    await expect(page.getByLabel("Number of meetings")).toHaveValue("3");
    // No field is wrong, so the keyboard goes back to the button (not to the top of the page).
    await expect(page.getByRole("button", { name: "Book the conference" })).toBeFocused();
  });

  test("the health check answers 503", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "The database does not answer." });
  });
});
