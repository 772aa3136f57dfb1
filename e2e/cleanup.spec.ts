/** The cleanup sweep that ordinary requests trigger (CLEANUP_MODE=request, every second on this server). */
import { expect, test } from "@playwright/test";
import { OPERATOR_OPTIONS_PORT } from "./support/settings";
import { query } from "./support/database";
import { book, BY_ADMIN, daysAhead, invitationPath, ownClient, rowByAdmin } from "./support/planado";

test.use({ baseURL: `http://127.0.0.1:${OPERATOR_OPTIONS_PORT}` });
// This server allows 3 writes per client an hour: each test is a client of its own.
test.beforeEach(({ context }) => context.setExtraHTTPHeaders(ownClient()));

test("requests trigger the sweep: a finished conference disappears, a series moves to its next meeting", async ({ page }) => {
  const oneOff = await book(page, { name: "Yesterday", date: daysAhead(3), time: "09:00", timeZone: "UTC" });
  const series = await book(page, { name: "Daily", date: daysAhead(3), time: "09:00", timeZone: "UTC", repeat: "daily", occurrences: "5" });
  const before = (await rowByAdmin(series))!;
  // Both started 30 hours ago (the threshold is 23 hours).
  await query(
    `UPDATE conferences SET starts_at = UTC_TIMESTAMP() - INTERVAL 30 HOUR, local_start = UTC_TIMESTAMP() - INTERVAL 30 HOUR WHERE ${BY_ADMIN} OR ${BY_ADMIN}`,
    [oneOff, series],
  );

  // Any page view nudges the sweep; it runs in the background, so look until it has happened.
  await expect
    .poll(async () => {
      await page.request.get("/");
      return (await rowByAdmin(oneOff)) === undefined && (await rowByAdmin(series))?.revision === 2;
    })
    .toBe(true);

  const after = (await rowByAdmin(series))!;
  expect(after.remaining_occurrences).toBe(3); // yesterday's meeting was over; today's has begun
  expect(after.room_id).not.toBe(before.room_id);
  expect(after.invitation_id).toBe(before.invitation_id);
  expect(new Date(after.starts_at).getTime()).toBeGreaterThan(Date.now() - 23 * 3_600_000);
});

test("after the roll-forward, the same invitation link waits for the next meeting", async ({ page }) => {
  const series = await book(page, { name: "Weekly", date: daysAhead(3), time: "09:00", timeZone: "UTC", repeat: "weekly", occurrences: "3" });
  const row = (await rowByAdmin(series))!;
  await query(`UPDATE conferences SET starts_at = UTC_TIMESTAMP() - INTERVAL 30 HOUR, local_start = UTC_TIMESTAMP() - INTERVAL 30 HOUR WHERE ${BY_ADMIN}`, [
    series,
  ]);
  await expect
    .poll(async () => {
      await page.request.get("/");
      return (await rowByAdmin(series))?.revision;
    })
    .toBe(2);
  await page.goto(invitationPath(row.invitation_id, "Weekly"));
  await expect(page.getByText("Please wait")).toBeVisible();
  await expect(page.getByTestId("countdown")).toHaveText(/^\d+ days?, \d+ hours?$/);
});
