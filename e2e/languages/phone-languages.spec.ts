/**
 * On a phone: every page in one left-to-right language (French) and the right-to-left one (Arabic)
 * passes axe, light and dark; and the wait page in every language, saved for review under
 * e2e-output/screenshots/phone/ (and attached to the report), fits the screen.
 */
import { expect, test } from "@playwright/test";
import { LOCALES, withLocale } from "../../lib/i18n/locales";
import { MESSAGES } from "../support/messages";
import { expectAccessibleInBothSchemes, everyPage, expectLanguage } from "../support/every-page";
import { bookViaApi, daysAhead, invitationPath } from "../support/planado";
import { screenshot } from "../support/screenshot";

// Nine pages, each checked by axe twice: longer than one page's test.
test.describe.configure({ timeout: 240_000 });

for (const locale of ["fr", "ar"] as const) {
  test(`every page in ${locale} passes axe on a phone, light and dark`, async ({ page }) => {
    for (const visited of await everyPage(page, locale)) {
      await test.step(visited.name, async () => {
        await visited.open(page);
        await expectLanguage(page, locale);
        await expectAccessibleInBothSchemes(page);
      });
    }
  });
}

test("the wait page in every language, saved for review", async ({ page }, testInfo) => {
  const name = "Chorprobe 7b";
  const { invitationId } = await bookViaApi(page.request, { name, start: `${daysAhead(6)}T19:30`, timeZone: "Europe/Berlin" });
  for (const locale of LOCALES) {
    await page.goto(withLocale(invitationPath(invitationId, name), locale));
    await expectLanguage(page, locale);
    await expect(page.getByRole("timer", { name: MESSAGES[locale].invitation.startsIn })).toBeVisible();
    await expect(page.getByTestId("viewer-time")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `the wait page in ${locale} is wider than the screen`).toBeLessThanOrEqual(0);
    const path = `e2e-output/screenshots/${testInfo.project.name}/wait-${locale}.png`;
    await screenshot(page, { path, fullPage: true });
    await testInfo.attach(`wait-${locale}`, { path, contentType: "image/png" });
  }
});
