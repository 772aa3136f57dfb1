/**
 * The wait page watched over time, as people use it: left open for hours, on a phone that sleeps, on
 * a device whose clock is off. Playwright's clock drives the page's time (the server keeps its own,
 * as in life); at each step the shown countdown and the sentence a screen reader hears must be what
 * the server says for the time left, in English, Polish and Arabic (six plural forms).
 */
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { bookViaApi, expectInRoom, invitationPath, moveStart, rowByAdmin } from "./support/planado";
import { serverCountdown } from "./support/server-words";
import type { Locale } from "../lib/i18n/locales";

const LOCALES: Locale[] = ["en", "pl", "ar"];

/** A conference `seconds` ahead, its wait page open in `page` with the page's clock paused. */
async function watch(page: Page, seconds: number, locale: Locale) {
  const { adminId, invitationId } = await bookViaApi(page.request, { name: "Watched" });
  const row = (await rowByAdmin(adminId))!;
  await moveStart(adminId, seconds);
  await page.clock.install();
  // Every change of the spoken sentence, as a screen reader would be told it.
  // (Playwright's clock has no Navigation Timing: the script counts from when it ran, just before
  // DOMContentLoaded, which the test notes on the same clock.)
  await page.addInitScript(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { ran: number }).ran = performance.now();
      const spoken = document.getElementById("countdown-spoken");
      if (spoken) new MutationObserver(() => said.push(spoken.textContent ?? "")).observe(spoken, { childList: true, characterData: true, subtree: true });
    });
  });
  await page.goto(`${invitationPath(invitationId, "Watched")}&lang=${locale}`);
  await expect(page.getByTestId("countdown")).toBeVisible();
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  return { adminId, row };
}

/** The milliseconds left, the countdown and the sentence on the page now. */
function onPage(page: Page) {
  return page.evaluate(() => {
    const data = JSON.parse(document.getElementById("countdown-data")!.textContent!) as { ms: number };
    return {
      left: (window as unknown as { ran: number }).ran + data.ms - performance.now(),
      shown: document.getElementById("countdown-shown")!.textContent,
      spoken: document.getElementById("countdown-spoken")!.textContent,
      said: (window as unknown as { said: string[] }).said,
    };
  });
}

/**
 * Moves the page's clock to each of `lefts` (milliseconds left, falling) and checks the page against
 * the server's words there; then that the sentence was written only when its words changed.
 */
async function follow(page: Page, locale: Locale, lefts: number[]) {
  const server = serverCountdown(locale);
  for (const target of lefts) {
    // (Only forward: the timer then runs at the moment checked. A target already passed is left out.)
    const { left } = await onPage(page);
    if (target >= left) continue;
    await page.clock.fastForward(Math.round(left - target));
    const now = await onPage(page);
    const [shown, spoken] = server(now.left);
    expect([now.shown, now.spoken], `${Math.round(now.left)} ms left`).toEqual([shown, spoken]);
  }
  const { said } = await onPage(page);
  expect(said.length).toBeGreaterThan(0);
  said.forEach((sentence, i) => expect(sentence, `sentence ${i}`).not.toBe(said[i - 1]));
}

/** Every `step` seconds from `from` down to `to` seconds left, half a second into each. */
function every(step: number, from: number, to: number): number[] {
  const lefts: number[] = [];
  for (let s = from; s >= to; s -= step) lefts.push(s * 1000 - 500);
  return lefts;
}

for (const locale of LOCALES) {
  test.describe(`watched over time, in ${locale}`, () => {
    test("a two-hour wait: right at every step, and into the room at the start", async ({ page }) => {
      const { adminId, row } = await watch(page, 2 * 3600, locale);
      await follow(page, locale, [...every(600, 7200, 3600), 3_600_500, 3_599_500, ...every(60, 3540, 60), ...every(10, 59, 10), ...every(1, 9, 1)]);
      // The server's own time has not moved: it must agree that the start has come.
      await moveStart(adminId, 0);
      await page.clock.fastForward(2_000);
      await expectInRoom(page, row.room_id);
    });

    test("a ten-minute wait, second by second through its last minute", async ({ page }) => {
      await watch(page, 600, locale);
      await follow(page, locale, [...every(30, 600, 60), ...every(1, 60, 1)]);
    });
  });
}

test("a phone asleep for five minutes: once awake, the countdown counts the time asleep, without a reload", async ({ page }) => {
  await watch(page, 20 * 60, "en");
  const { left } = await onPage(page);
  await page.clock.fastForward(Math.round(left - (19 * 60_000 - 500)));
  // (Within the second, here and below: the page's two fake clocks ran apart by a few hundred
  // milliseconds while the page loaded, before the test paused them; more on a busy machine.)
  await expect(page.getByTestId("countdown")).toHaveText(/^(19:00|18:59)$/);
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  // Asleep: the device's clock moves on, the page's monotonic clock and its timers stand still.
  await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + 5 * 60_000);
  await page.clock.runFor(250);
  // Five minutes less.
  await expect(page.getByTestId("countdown")).toHaveText(/^(14:00|13:59)$/);
  await expect(page.getByTestId("countdown-spoken")).toHaveText(/^The conference starts in 1[34] minutes\.$/);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
});

for (const [clockOff, label] of [
  [3_600_000, "an hour fast"],
  [-3_600_000, "an hour slow"],
] as const) {
  test(`a device clock ${label}: the server's countdown, and the room on time`, async ({ page }) => {
    const { adminId, invitationId } = await bookViaApi(page.request, { name: "Off clock" });
    const row = (await rowByAdmin(adminId))!;
    await moveStart(adminId, 8);
    await page.clock.install({ time: Date.now() + clockOff });
    await page.goto(invitationPath(invitationId, "Off clock"));
    await expect(page.getByTestId("countdown")).toHaveText(/^00:0[1-8]$/);
    await expectInRoom(page, row.room_id, { timeout: 10_000 });
  });
}
