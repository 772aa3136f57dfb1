/**
 * The wait page in old engines with windows, on a display of our own: NetSurf (its own engine from
 * before cascade layers, with JavaScript) shows it styled, in Planado's colours as Chromium does, and
 * goes to the room at the start; Dillo (no script, a refresh is a link to it) links to the same
 * invitation, which then goes to the room.
 */
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { roomVisited } from "../support/jitsi-stub";
import { bookViaApi, invitationPath, moveStart, rowByAdmin } from "../support/planado";
import { baseURL } from "../support/settings";
import { click, colours, dillo, netsurf, SCREEN, startDisplay } from "./support/engines";
import type { Windowed } from "./support/engines";
import { screenshot } from "../support/screenshot";

const SHOTS = "e2e-output/engines";

let display: { display: string; stop: () => void };
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  display = await startDisplay();
});
test.afterAll(() => display.stop());

/** Planado's colours: those that cover a fair share of Chromium's screenshot (smoothed text edges do not). */
function designColours(counts: Map<string, number>): [string, number][] {
  return [...counts].filter(([, pixels]) => pixels >= 1_000);
}

/** The countdown's box (slate-100, lowered to sRGB): on screen once the page is styled. */
const COUNTDOWN_BOX = "#f1f5f9";

test("NetSurf shows the wait page styled, in the colours Chromium shows, and goes to the room at the start", async ({ page, request }) => {
  test.setTimeout(60_000);
  const name = "Old school tablet";
  const { adminId, invitationId } = await bookViaApi(request, { name, repeat: { every: 1, unit: "week", count: 10 } });
  const row = (await rowByAdmin(adminId))!;
  await moveStart(adminId, 3600);
  const url = `${baseURL}${invitationPath(invitationId, name)}`;

  await page.setViewportSize(SCREEN);
  await page.goto(url);
  await screenshot(page, { path: `${SHOTS}/wait-page-chromium.png` });
  const chromium = colours(`${SHOTS}/wait-page-chromium.png`);

  let browser: Windowed | undefined;
  try {
    browser = netsurf(display.display, url);
    const shot = `${SHOTS}/wait-page-netsurf.png`;
    await expect
      .poll(
        () => {
          browser!.screenshot(shot);
          return colours(shot).get(COUNTDOWN_BOX) ?? 0;
        },
        { timeout: 20_000, message: "the countdown's box, in its colour" },
      )
      .toBeGreaterThan(0.01 * SCREEN.width * SCREEN.height);
    // Every colour of Planado's look that Chromium shows, NetSurf shows over a like area.
    const netsurfColours = colours(shot);
    const expected = designColours(chromium);
    expect(expected.length, "Chromium's colours").toBeGreaterThanOrEqual(5);
    for (const [colour, pixels] of expected) expect(netsurfColours.get(colour) ?? 0, `${colour} (${pixels} pixels in Chromium)`).toBeGreaterThan(pixels / 4);

    // At the start, it goes to the room by itself.
    await moveStart(adminId, 3);
    browser.stop();
    browser = netsurf(display.display, url);
    await expect.poll(() => roomVisited(row.room_id), { timeout: 20_000 }).toBe(true);
  } finally {
    browser?.stop();
  }
});

test("Dillo offers the refresh as a link to the same invitation, in the visitor's language, and it leads to the room", async ({ request }) => {
  test.setTimeout(120_000);
  const here = () => click(display.display, 233, 131); // "The author wanted you to go here after N seconds", atop the page
  const title = (browser: Windowed) => browser.titles().join(" | ");
  let browser: Windowed | undefined;
  try {
    // The language last in the address as given: Dillo reads "&lang=" in a link as "〈=", so the
    // refresh must name the language first. Once the conference is gone, the link shows in which
    // language it asked: "Nicht gefunden" (not found, in German).
    const gone = await bookViaApi(request, { name: "No script at all" });
    browser = dillo(display.display, `${baseURL}/i/${gone.invitationId}?n=Someone&sig=forged&lang=de`);
    // (Dillo may take a while to start on a busy machine: the first title gets longer.)
    await expect.poll(() => title(browser!), { timeout: 30_000 }).toContain("Einladung · Planado");
    expect((await request.delete(`/api/v1/conferences/${gone.adminId}`)).status()).toBe(204);
    here();
    await expect.poll(() => title(browser!), { timeout: 10_000 }).toContain("Nicht gefunden · Planado");
    browser.stop();

    // At the start, the same link leads to the room.
    const { adminId, invitationId } = await bookViaApi(request, { name: "No script at all" });
    const row = (await rowByAdmin(adminId))!;
    await moveStart(adminId, 60);
    browser = dillo(display.display, `${baseURL}${invitationPath(invitationId, "No script at all")}&lang=de`);
    await expect.poll(() => title(browser!), { timeout: 30_000 }).toContain("No script at all · Planado");
    browser.screenshot(`${SHOTS}/wait-page-dillo.png`);
    await moveStart(adminId, -1);
    expect(await roomVisited(row.room_id)).toBe(false);
    here();
    await expect.poll(() => roomVisited(row.room_id), { timeout: 15_000 }).toBe(true);
  } finally {
    browser?.stop();
  }
});
