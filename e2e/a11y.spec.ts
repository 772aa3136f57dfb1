/**
 * Every page passes axe's WCAG 2.2 A/AA rules, in the light and the dark colour scheme. The desktop and
 * phone projects both run this file, so both viewports (and the phone's touch-target rules) are covered.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { OPERATOR_OPTIONS_PORT } from "./support/settings";
import { bookViaApi, invitationPath, moveStart } from "./support/planado";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page as it is now; the failure lists each rule with the elements that break it. */
async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(found, `axe found violations on ${page.url()}:\n${found.join("\n")}`).toEqual([]);
}

/**
 * The booking form after hydration: the custom repetition fields, shown for visitors without
 * JavaScript, are hidden then. Checking earlier would test a page the visitor does not see for long.
 */
async function expectFormHydrated(page: Page) {
  await expect(page.getByLabel("Number of meetings")).toBeHidden();
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test("home page", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectFormHydrated(page);
      await expectNoViolations(page);
    });

    test("home page with form errors", async ({ page }) => {
      await page.goto("/");
      await expectFormHydrated(page);
      await page.getByLabel("Name of the conference").fill("");
      await page.getByRole("button", { name: "Book the conference" }).click();
      await expect(page.getByText("Enter a name for the conference.")).toBeVisible();
      await expect(page.getByText("Some details need your attention: see the marked fields.")).toBeVisible();
      await expectNoViolations(page);
    });

    test("home page in German", async ({ page }) => {
      await page.goto("/?lang=de");
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expectFormHydrated(page);
      await expectNoViolations(page);
    });

    test("admin page right after booking", async ({ page, request }) => {
      const { adminId } = await bookViaApi(request, { name: "Accessible" });
      await page.goto(`/a/${adminId}?n=Accessible&booked=1`);
      await expect(page.getByRole("status").filter({ hasText: "Your conference is booked" })).toBeVisible();
      // The copy button appears with JavaScript: wait for it, so it is checked too.
      await expect(page.getByRole("button", { name: "Copy invitation" })).toBeVisible();
      await expectNoViolations(page);
    });

    test("delete confirmation", async ({ page, request }) => {
      const { adminId } = await bookViaApi(request, { name: "Doomed" });
      await page.goto(`/a/${adminId}/delete?n=Doomed`);
      await expect(page.getByRole("button", { name: "Yes, delete it" })).toBeVisible();
      await expectNoViolations(page);
    });

    test("invitation wait page", async ({ page, request }) => {
      const { invitationId } = await bookViaApi(request, { name: "Later" });
      await page.goto(invitationPath(invitationId, "Later"));
      await expect(page.getByRole("timer", { name: "Starts in" })).toBeVisible();
      // The browser's own time appears after hydration (the browser's zone is not the organizer's).
      await expect(page.getByTestId("viewer-time")).toBeVisible();
      await expectNoViolations(page);
    });

    test("privacy notice of a started conference", async ({ page, request }) => {
      const { adminId, invitationId } = await bookViaApi(request, { name: "Started" });
      await moveStart(adminId, -30);
      await page.goto(`http://127.0.0.1:${OPERATOR_OPTIONS_PORT}${invitationPath(invitationId, "Started")}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Started has started");
      await expectNoViolations(page);
    });

    test("page not found", async ({ page }) => {
      const response = await page.goto("/nope");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoViolations(page);
    });

    test("invitation not found", async ({ page }) => {
      const response = await page.goto("/i/aaaaaaaaaaaaaaaaaaaaaaaaaa");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("nothing moves: transitions and animations take no time", async ({ page }) => {
    await page.goto("/");
    // Planado has (almost) no motion of its own; a moving element stands in for any that comes later.
    const durations = await page.evaluate(() => {
      const moving = document.createElement("button");
      moving.style.transition = "opacity 2s";
      moving.style.animation = "spin 3s infinite";
      document.querySelector("main")!.append(moving);
      const style = getComputedStyle(moving);
      return [style.transitionDuration, style.animationDuration, getComputedStyle(document.documentElement).scrollBehavior];
    });
    const [transition, animation, scroll] = durations;
    expect(parseFloat(transition!)).toBeLessThan(0.001);
    expect(parseFloat(animation!)).toBeLessThan(0.001);
    expect(scroll).toBe("auto");
    const button = page.getByRole("button", { name: "Book the conference" });
    expect(parseFloat(await button.evaluate((el) => getComputedStyle(el).transitionDuration))).toBeLessThan(0.001);
  });

  test("motion stays for those who do not ask for less", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.goto("/");
    // The control for the test above: the same element moves when nobody asked for less motion.
    const transition = await page.evaluate(() => {
      const moving = document.createElement("div");
      moving.style.transition = "opacity 2s";
      document.querySelector("main")!.append(moving);
      return getComputedStyle(moving).transitionDuration;
    });
    expect(transition).toBe("2s");
  });
});
