import type { Page, PageScreenshotOptions } from "@playwright/test";

/**
 * A screenshot, taken again (up to twice more) when Chromium answers "Unable to capture screenshot":
 * under load its compositor sometimes fails a capture of a page that is there and drawn (seen on CI,
 * on a phone page whose checks had all passed). Any other error, or a third failure, fails the test.
 */
export async function screenshot(page: Page, options: PageScreenshotOptions): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.screenshot(options);
    } catch (error) {
      if (attempt === 3 || !String(error).includes("Unable to capture screenshot")) throw error;
    }
  }
}
