/**
 * Every page a visitor can meet, in one language: for the accessibility runs in every language and
 * the screenshots. Booked through the API; the pages are opened with `?lang=` as the switcher does.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { NO_DATABASE_PORT, OPERATOR_OPTIONS_PORT } from "./settings";
import { withLocale } from "../../lib/i18n/locales";
import type { Locale } from "../../lib/i18n/locales";
import { MESSAGES } from "./messages";
import { bookViaApi, invitationPath, moveStart } from "./planado";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page as it is now; the failure lists each rule with the elements that break it. */
export async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(found, `axe found violations on ${page.url()}:\n${found.join("\n")}`).toEqual([]);
}

/**
 * The page as it is now, in the light and then the dark colour scheme (the page follows the system's
 * scheme through CSS alone, so switching needs no reload).
 */
export async function expectAccessibleInBothSchemes(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await test.step(colorScheme, () => expectNoViolations(page));
  }
  await page.emulateMedia({ colorScheme: "light" });
}

export interface VisitedPage {
  name: string;
  /** Opens the page (and does what it takes to show its state), then checks it is the right one. */
  open(page: Page): Promise<void>;
}

/** The pages in `locale`, with a conference of that language's own booked for them. */
export async function everyPage(page: Page, locale: Locale): Promise<VisitedPage[]> {
  const m = MESSAGES[locale];
  const name = `${m.form.instantName} ${locale}`;
  const waiting = await bookViaApi(page.request, { name });
  const started = await bookViaApi(page.request, { name });
  await moveStart(started.adminId, -30);
  const at = (path: string) => withLocale(path, locale);
  const heading = (page: Page) => page.locator("main h1");
  return [
    {
      name: "home",
      async open(page) {
        await page.goto(at("/"));
        await expect(heading(page)).toHaveText(m.home.title);
        // After hydration the fields for a custom repetition are hidden (they are for visitors without script).
        await expect(page.getByLabel(m.form.occurrences)).toBeHidden();
      },
    },
    {
      name: "home-errors",
      async open(page) {
        await page.goto(at("/"));
        await expect(page.getByLabel(m.form.occurrences)).toBeHidden();
        await page.getByLabel(m.form.name).fill("");
        await page.getByRole("button", { name: m.form.book }).click();
        await expect(page.getByText(m.errors.nameMissing)).toBeVisible();
      },
    },
    {
      name: "admin",
      async open(page) {
        await page.goto(at(`/a/${waiting.adminId}?n=${encodeURIComponent(name)}&booked=1`));
        await expect(page.getByRole("status").filter({ hasText: m.admin.booked })).toBeVisible();
        await expect(page.getByRole("button", { name: m.admin.copy })).toBeVisible();
      },
    },
    {
      name: "delete",
      async open(page) {
        await page.goto(at(`/a/${waiting.adminId}/delete?n=${encodeURIComponent(name)}`));
        await expect(page.getByRole("button", { name: m.admin.deleteYes })).toBeVisible();
      },
    },
    {
      name: "invitation",
      async open(page) {
        await page.goto(at(invitationPath(waiting.invitationId, name)));
        await expect(page.getByRole("timer", { name: m.invitation.startsIn })).toBeVisible();
        await expect(page.getByTestId("viewer-time")).toBeVisible();
      },
    },
    {
      name: "privacy-notice",
      async open(page) {
        await page.goto(`http://127.0.0.1:${OPERATOR_OPTIONS_PORT}${at(invitationPath(started.invitationId, name))}`);
        await expect(page.getByRole("link", { name: m.invitation.continue })).toBeVisible();
      },
    },
    {
      name: "not-found",
      async open(page) {
        expect((await page.goto(at("/nope")))?.status()).toBe(404);
        await expect(heading(page)).toHaveText(m.notFound.title);
      },
    },
    {
      name: "invitation-not-found",
      async open(page) {
        expect((await page.goto(at(`/i/${"a".repeat(26)}`)))?.status()).toBe(404);
        await expect(heading(page)).toHaveText(m.invitation.notFoundTitle);
      },
    },
    {
      name: "unavailable",
      async open(page) {
        expect((await page.goto(`http://127.0.0.1:${NO_DATABASE_PORT}${at(`/i/${waiting.invitationId}`)}`))?.status()).toBe(503);
        await expect(heading(page)).toHaveText(m.refusal.unavailableTitle);
      },
    },
  ];
}

/** The page is in `locale`: its language, its direction. */
export async function expectLanguage(page: Page, locale: Locale) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
}
