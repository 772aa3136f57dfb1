/**
 * Every page in every language passes axe's WCAG 2.2 A/AA rules, light and dark, at desktop width
 * (the phone project runs French and Arabic: phone-languages.spec.ts). And no page, in any language,
 * asks another host for anything: everything a page loads is Planado's own.
 */
import { expect, test } from "@playwright/test";
import { LOCALES } from "../../lib/i18n/locales";
import { expectAccessibleInBothSchemes, everyPage, expectLanguage } from "../support/every-page";

// Nine pages, each checked by axe twice: longer than one page's test.
test.describe.configure({ timeout: 240_000 });

for (const locale of LOCALES) {
  test(`every page in ${locale} passes axe, light and dark, and loads nothing from elsewhere`, async ({ page }) => {
    const hosts = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol === "http:" || url.protocol === "https:") hosts.add(url.hostname);
    });
    for (const visited of await everyPage(page, locale)) {
      await test.step(visited.name, async () => {
        await visited.open(page);
        await expectLanguage(page, locale);
        await expectAccessibleInBothSchemes(page);
      });
    }
    expect([...hosts]).toEqual(["127.0.0.1"]);
  });
}
