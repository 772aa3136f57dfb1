/**
 * The main pages at phone width, light and dark, saved for review under
 * e2e-output/screenshots/<project>/ and attached to the report; and at 320 px wide (what 200% zoom
 * leaves of a 640 px window) nothing may need sideways scrolling.
 */
import { expect, test } from "@playwright/test";
import type { Page, TestInfo } from "@playwright/test";
import { bookViaApi, daysAhead, invitationPath } from "./support/planado";
import { screenshot } from "./support/screenshot";

async function pages(page: Page) {
  const { adminId, invitationId } = await bookViaApi(page.request, { name: "Choir rehearsal", start: `${daysAhead(6)}T19:30`, timeZone: "Europe/Berlin" });
  return [
    { name: "home", path: "/" },
    { name: "home-de", path: "/?lang=de" },
    { name: "admin", path: `/a/${adminId}?n=Choir+rehearsal&booked=1` },
    { name: "invitation", path: invitationPath(invitationId, "Choir rehearsal") },
    { name: "delete", path: `/a/${adminId}/delete?n=Choir+rehearsal` },
    { name: "not-found", path: `/i/${"a".repeat(26)}` },
  ];
}

async function noSidewaysScrolling(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} is wider than the screen`).toBeLessThanOrEqual(0);
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = `e2e-output/screenshots/${testInfo.project.name}/${name}.png`;
  await screenshot(page, { path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test(`the main pages, saved for review (${colorScheme})`, async ({ page }, testInfo) => {
      for (const { name, path } of await pages(page)) {
        await page.goto(path);
        await expect(page.locator("main h1")).toBeVisible();
        // The page follows the scheme: a dark page has a dark background, a light one a light one.
        // (Tailwind's colours are lab()/oklch(): let a canvas turn the computed colour into RGB.)
        const [background, r, g, b] = await page.evaluate(() => {
          const color = getComputedStyle(document.body).backgroundColor;
          const context = document.createElement("canvas").getContext("2d")!;
          context.fillStyle = color;
          context.fillRect(0, 0, 1, 1);
          return [color, ...context.getImageData(0, 0, 1, 1).data.slice(0, 3)] as [string, number, number, number];
        });
        const light = (r + g + b) / 3 > 128;
        expect(light, `${name}: ${background} in ${colorScheme} mode`).toBe(colorScheme === "light");
        await noSidewaysScrolling(page, name);
        await shoot(page, testInfo, `${name}-${colorScheme}`);
      }
    });
  });
}

test.describe("at 320 px wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("every main page fits without sideways scrolling", async ({ page }, testInfo) => {
    for (const { name, path } of await pages(page)) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await noSidewaysScrolling(page, name);
      if (name === "admin") await shoot(page, testInfo, "admin-320px");
    }
  });
});
