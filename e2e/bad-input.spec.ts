/**
 * Every kind of bad input comes back next to its field, with the input kept and nothing written.
 * Each case books in a time zone no other test uses, so "nothing written" is a count in that zone.
 */
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { countInZone, daysAhead, fillBooking } from "./support/planado";

async function submitAndExpectError(page: Page, field: string, message: string | RegExp, zone: string) {
  await page.getByRole("button", { name: "Book the conference" }).click();
  const error = page.getByText(message);
  await expect(error).toBeVisible();
  // The message is tied to its field for screen readers.
  const errorId = await error.getAttribute("id");
  expect(errorId).toBeTruthy();
  await expect(page.getByLabel(field, { exact: true })).toHaveAttribute("aria-describedby", new RegExp(errorId!));
  await expect(page.getByRole("status").filter({ hasText: "need your attention" })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  expect(await countInZone(zone)).toBe(0);
}

const base = { date: daysAhead(20), time: "09:00" };

test("an empty name", async ({ page }) => {
  await page.goto("/");
  await fillBooking(page, { ...base, name: "   ", timeZone: "Pacific/Chatham" });
  await submitAndExpectError(page, "Name of the conference", "Enter a name for the conference.", "Pacific/Chatham");
  await expect(page.getByLabel("Time zone")).toHaveValue("Pacific/Chatham");
});

test("an overlong name", async ({ page }) => {
  await page.goto("/");
  await fillBooking(page, { ...base, name: "x".repeat(201), timeZone: "America/St_Johns" });
  await submitAndExpectError(page, "Name of the conference", "Use at most 200 characters for the name.", "America/St_Johns");
  await expect(page.getByLabel("Name of the conference")).toHaveValue("x".repeat(201));
});

test("a date that does not exist (an old browser: no date picker, no JavaScript)", async ({ browser }) => {
  // React re-renders would turn the field back into a date picker, so this old browser runs no script.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await fillBooking(page, { ...base, name: "Impossible", timeZone: "Indian/Cocos" });
  await page.getByLabel("Date").evaluate((input: HTMLInputElement) => (input.type = "text"));
  await page.getByLabel("Date").fill("2027-02-30");
  await submitAndExpectError(page, "Date", "2027-02-30 is not a date in the calendar.", "Indian/Cocos");
  await context.close();
});

test("a start in the past", async ({ page }) => {
  await page.goto("/");
  await fillBooking(page, { ...base, date: daysAhead(-2), name: "Too late", timeZone: "Australia/Eucla" });
  await submitAndExpectError(page, "Date", "That time has already passed.", "Australia/Eucla");
});

test("an unknown time zone", async ({ page }) => {
  await page.goto("/");
  await fillBooking(page, { ...base, name: "Nowhere", timeZone: "UTC" });
  await page.getByLabel("Time zone").evaluate((select: HTMLSelectElement) => {
    select.add(new Option("Mars/Olympus", "Mars/Olympus"));
    select.value = "Mars/Olympus";
  });
  await submitAndExpectError(page, "Time zone", "Choose a time zone from the list.", "Mars/Olympus");
});

test("a number of meetings out of range", async ({ page }) => {
  await page.goto("/");
  await fillBooking(page, { ...base, name: "Forever", timeZone: "Pacific/Marquesas", repeat: "daily", occurrences: "501" });
  await submitAndExpectError(page, "Number of meetings", "Enter the number of meetings, from 2 to 500.", "Pacific/Marquesas");
  await page.getByLabel("Number of meetings").fill("1");
  await submitAndExpectError(page, "Number of meetings", "Enter the number of meetings, from 2 to 500.", "Pacific/Marquesas");
});

test("a time that daylight saving time skips", async ({ page }) => {
  // Europe/Vilnius skips from 03:00 to 04:00 on the last Sunday of March.
  const year = new Date().getUTCFullYear() + 1;
  const lastSunday = new Date(Date.UTC(year, 2, 31));
  lastSunday.setUTCDate(31 - lastSunday.getUTCDay());
  await page.goto("/");
  await fillBooking(page, { name: "Gap", date: lastSunday.toISOString().slice(0, 10), time: "03:30", timeZone: "Europe/Vilnius" });
  await submitAndExpectError(page, "Start time", /That time does not exist in Europe\/Vilnius/, "Europe/Vilnius");
});
