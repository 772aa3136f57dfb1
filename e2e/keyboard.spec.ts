/**
 * Booking with the keyboard alone: the skip link, the tab order of the form, a visible focus ring on
 * every stop, and errors that a screen reader hears (focus, descriptions, a live region).
 */
import { expect, test } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";
import { daysAhead } from "./support/planado";

// Date and time fields take their digits in the order of the browser's locale (month first here).
test.use({ locale: "en-US" });

/** The booking form after hydration (the custom repetition fields are for visitors without script). */
async function openBookingForm(page: Page) {
  await page.goto("/");
  await expect(page.getByLabel("Number of meetings")).toBeHidden();
}

async function tab(page: Page, to: Locator) {
  await page.keyboard.press("Tab");
  await expect(to).toBeFocused();
}

/**
 * Tabs out of a date or time field to the next control. Chromium stops at each part of such a field
 * (month, day, year…), so the number of presses is the browser's business; a few must do.
 */
async function tabOutTo(page: Page, to: Locator) {
  for (let presses = 0; presses < 5 && !(await to.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press("Tab");
  await expect(to).toBeFocused();
}

/**
 * The focused element shows a focus indicator (an outline or a box-shadow ring) whose colour stands
 * out from the page behind it by at least 3:1 (WCAG 1.4.11). The browser itself converts the CSS
 * colours (oklch, color-mix…) to sRGB, by painting them on a canvas.
 */
async function expectVisibleFocus(element: Locator) {
  await expect(element).toBeFocused();
  const found = await element.evaluate((el) => {
    const style = getComputedStyle(el);
    const srgb = (colour: string, behind: string) => {
      const context = document.createElement("canvas").getContext("2d")!;
      context.fillStyle = behind;
      context.fillRect(0, 0, 1, 1);
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    let colour: string | undefined;
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) colour = style.outlineColor;
    else if (style.boxShadow !== "none") {
      // The widest ring among the shadows ("colour x y blur spread", comma-separated, colour first).
      const rings = style.boxShadow
        .split(/,(?![^(]*\))/)
        .map((shadow) => shadow.trim().match(/^(.*?)\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px/))
        .filter((m): m is RegExpMatchArray => m !== null && parseFloat(m[5]!) > 0)
        .sort((a, b) => parseFloat(b[5]!) - parseFloat(a[5]!));
      colour = rings[0]?.[1];
    }
    const page = getComputedStyle(document.body).backgroundColor;
    return {
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      boxShadow: style.boxShadow,
      indicator: colour ? srgb(colour, page) : undefined,
      page: srgb(page, "#fff"),
    };
  });
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  expect(found.indicator, `no focus indicator: outline ${found.outline}, box-shadow ${found.boxShadow}`).toBeDefined();
  const [light, dark] = [luminance(found.indicator!), luminance(found.page)].sort((a, b) => b - a);
  const contrast = (light! + 0.05) / (dark! + 0.05);
  expect(contrast, `focus indicator rgb(${found.indicator}) on page rgb(${found.page})`).toBeGreaterThanOrEqual(3);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test("a conference can be booked with the keyboard alone", async ({ page }) => {
      await openBookingForm(page);

      // The first stop is the skip link, hidden until it has the focus.
      const skip = page.getByRole("link", { name: "Skip to content" });
      expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
      await page.keyboard.press("Tab");
      await expectVisibleFocus(skip);
      const box = (await skip.boundingBox())!;
      expect(box.width).toBeGreaterThan(40);
      expect(box.height).toBeGreaterThan(20);
      await page.keyboard.press("Enter");
      await expect(page.getByRole("main")).toBeFocused();

      // From the main content on, the form in reading order.
      const name = page.getByLabel("Name of the conference");
      await tab(page, name);
      await expectVisibleFocus(name);
      await page.keyboard.type("Keyboard only");

      const date = page.getByLabel("Date");
      const [year, month, day] = daysAhead(10).split("-");
      await tab(page, date);
      await expectVisibleFocus(date);
      await page.keyboard.type(`${month}${day}${year}`);
      await expect(date).toHaveValue(daysAhead(10));

      const time = page.getByLabel("Start time");
      await tabOutTo(page, time);
      await expectVisibleFocus(time);
      await page.keyboard.type("0930AM");
      await expect(time).toHaveValue("09:30");

      await tabOutTo(page, page.getByLabel("Time zone"));
      await tab(page, page.getByLabel("Duration"));
      await tab(page, page.getByLabel("Repeat", { exact: true }));
      const submit = page.getByRole("button", { name: "Book the conference" });
      await tab(page, submit);
      await expectVisibleFocus(submit);
      await page.keyboard.press("Enter");

      await expect(page).toHaveURL(/\/a\/[a-z2-7]{26}\?n=Keyboard\+only&booked=1$/);
      await expect(page.getByRole("status").filter({ hasText: "Your conference is booked" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keyboard only");
    });

    test("a form error takes the focus to the field and is announced", async ({ page }) => {
      await openBookingForm(page);
      // The live region is on the page, empty, before anything goes wrong: screen readers announce
      // changes to a region they already know, not a region that arrives with its text.
      const status = page.locator("form").getByRole("status");
      await expect(status).toHaveAttribute("aria-live", "polite");
      await expect(status).toHaveText("");
      await status.evaluate((region) => ((window as unknown as { liveRegion: Element }).liveRegion = region));

      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      const name = page.getByLabel("Name of the conference");
      await tab(page, name);
      await expect(name).toHaveValue("");
      await page.keyboard.press("Enter"); // submits the form from the text field

      await expect(status).toHaveText("Some details need your attention: see the marked fields.");
      expect(await status.evaluate((region) => region === (window as unknown as { liveRegion: Element }).liveRegion), "the live region was replaced").toBe(
        true,
      );
      await expectVisibleFocus(name);
      await expect(name).toHaveAttribute("aria-invalid", "true");
      await expect(name).toHaveAccessibleDescription(/^Enter a name for the conference\./);
      const describedBy = (await name.getAttribute("aria-describedby"))!.split(" ");
      const error = page.getByText("Enter a name for the conference.");
      expect(describedBy).toContain(await error.getAttribute("id"));
    });
  });
}
