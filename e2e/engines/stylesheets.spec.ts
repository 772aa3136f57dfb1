/**
 * The stylesheets every page uses, as served: each one readable by engines from about 2012 on (no
 * cascade layers, @property, nesting, oklch()/color-mix(), var() without a fallback …, see
 * scripts/lib/legacy-css/check.ts), and the organizer's pages looking in Chromium as Tailwind's own
 * output made them (the build keeps that beside the lowered one).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { oldEngineProblems } from "../../scripts/lib/legacy-css/check";
import { ORIGINAL_STYLESHEETS } from "../../lib/build-output";
import { bookViaApi, invitationPath, moveStart } from "../support/planado";
import { baseURL, NO_DATABASE_PORT, OPERATOR_OPTIONS_PORT } from "../support/settings";
import { screenshot } from "../support/screenshot";

const SHOTS = "e2e-output/engines";
const DIST = process.env.NEXT_DIST_DIR ?? ".next-test";

/** The stylesheets a page links to and the styles it holds itself. */
async function stylesOf(request: APIRequestContext, url: string): Promise<{ where: string; css: string }[]> {
  const html = await (await request.get(url)).text();
  const linked = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => new URL(m[1]!.replaceAll("&amp;", "&"), url).href);
  const styles = await Promise.all(linked.map(async (href) => ({ where: href, css: await (await request.get(href)).text() })));
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m, i) => ({ where: `${url} <style> ${i + 1}`, css: m[1]! }));
  expect(styles.length + inline.length, url).toBeGreaterThan(0);
  return [...styles, ...inline];
}

test("every stylesheet of the participant's and the organizer's pages is one engines from 2012 on read", async ({ request }) => {
  const name = "Every page";
  const { adminId, invitationId } = await bookViaApi(request, { name });
  const started = await bookViaApi(request, { name });
  await moveStart(started.adminId, -60);
  const pages = [
    `${baseURL}/`,
    `${baseURL}/a/${adminId}?n=${encodeURIComponent(name)}`,
    `${baseURL}/a/${adminId}/delete`,
    `${baseURL}/nothing-here`,
    `${baseURL}${invitationPath(invitationId, name)}`,
    `${baseURL}/i/${"a".repeat(26)}`,
    // The privacy notice, and a refusal while the database is away.
    `http://127.0.0.1:${OPERATOR_OPTIONS_PORT}${invitationPath(started.invitationId, name)}`,
    `http://127.0.0.1:${NO_DATABASE_PORT}/i/${invitationId}`,
  ];
  const seen = new Set<string>();
  for (const url of pages) {
    for (const { where, css } of await stylesOf(request, url)) {
      if (seen.has(where)) continue;
      seen.add(where);
      expect(oldEngineProblems(css), `${where} (on ${url})`).toEqual([]);
    }
  }
  // The participant's pages have a small stylesheet of their own; the organizer's, the app's.
  const participant = new Set([...seen].filter((href) => href.includes("/assets/participant-")).map((href) => new URL(href).pathname));
  expect(participant.size).toBe(1);
  expect(seen.size).toBeGreaterThanOrEqual(2);
});

/** A full-page screenshot of `url`, with the app's stylesheets as served or as Tailwind wrote them. */
async function shoot(page: Page, url: string, file: string, original: boolean) {
  await page.unrouteAll();
  if (original) {
    await page.route(/\/_next\/static\/.*\.css$/, (route) =>
      route.fulfill({
        contentType: "text/css",
        body: readFileSync(join(DIST, ORIGINAL_STYLESHEETS, "static", new URL(route.request().url()).pathname.slice("/_next/static/".length))),
      }),
    );
  }
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  // The page as a visitor with JavaScript sees it: once hydrated, the schedule form folds its custom
  // repetition away (these pages never repeat by a custom rule). Before that the page is taller, and
  // a busy machine can still be hydrating after the network has gone quiet.
  await expect(page.locator('[role=group][aria-labelledby$="-custom-label"]')).toHaveCount(0);
  await screenshot(page, { path: file, fullPage: true, animations: "disabled", caret: "hide" });
}

/** How many pixels of two screenshots differ (ImageMagick), and how many there are. */
function difference(a: string, b: string): { differ: number; of: number } {
  const size = (file: string) => execFileSync("/usr/bin/identify", ["-format", "%w %h", file], { encoding: "utf8" }).trim();
  expect(size(a), "the same size").toBe(size(b));
  const [width, height] = size(a).split(" ").map(Number) as [number, number];
  let report = "";
  try {
    execFileSync("/usr/bin/compare", ["-metric", "AE", a, b, "null:"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    report = String((error as { stderr?: string }).stderr ?? "");
  }
  return { differ: Number(report.trim().split(/\s/)[0] || 0), of: width * height };
}

for (const scheme of ["light", "dark"] as const) {
  test(`the organizer's pages look as Tailwind's own stylesheet made them (${scheme})`, async ({ page, request }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme });
    const name = "Looks the same";
    const { adminId } = await bookViaApi(request, { name, start: "2031-03-03T10:00", repeat: { every: 1, unit: "week", count: 5 } });
    for (const [label, path] of [
      ["booking", "/"],
      ["booking-ar", "/?lang=ar"],
      ["overview", `/a/${adminId}?n=${encodeURIComponent(name)}`],
      ["overview-ar", `/a/${adminId}?lang=ar&n=${encodeURIComponent(name)}`],
    ]) {
      const lowered = `${SHOTS}/${label}-${scheme}-lowered.png`;
      const original = `${SHOTS}/${label}-${scheme}-tailwind.png`;
      await shoot(page, `${baseURL}${path}`, lowered, false);
      await shoot(page, `${baseURL}${path}`, original, true);
      const { differ, of } = difference(lowered, original);
      expect(differ / of, `${label}: ${differ} of ${of} pixels differ`).toBeLessThanOrEqual(0.005);
    }
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`the participant's pages look with their own small stylesheet as with the app's (${scheme}, English and Arabic)`, async ({ page, request }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme });
    const name = "Looks the same";
    const { invitationId } = await bookViaApi(request, { name, start: "2031-03-03T10:00", repeat: { every: 1, unit: "week", count: 5 } });
    // The app's stylesheet, as Tailwind wrote it: what these pages used before they had their own.
    const home = await (await request.get(`${baseURL}/`)).text();
    const appStylesheet = /<link[^>]*rel="stylesheet"[^>]*href="\/_next\/static\/([^"]+\.css)"/.exec(home)![1]!;
    const appCss = readFileSync(join(DIST, ORIGINAL_STYLESHEETS, "static", appStylesheet));
    const started = await bookViaApi(request, { name });
    await moveStart(started.adminId, -60);
    for (const [label, url] of [
      ["wait-en", `${baseURL}${invitationPath(invitationId, name)}`],
      ["wait-ar", `${baseURL}${invitationPath(invitationId, name)}&lang=ar`],
      ["not-found-ar", `${baseURL}/i/${"a".repeat(26)}?lang=ar`],
      ["notice", `http://127.0.0.1:${OPERATOR_OPTIONS_PORT}${invitationPath(started.invitationId, name)}`],
      ["unavailable-ar", `http://127.0.0.1:${NO_DATABASE_PORT}/i/${invitationId}?lang=ar`],
    ] as const) {
      const own = `${SHOTS}/${label}-${scheme}-participant.png`;
      const app = `${SHOTS}/${label}-${scheme}-app.png`;
      await page.unrouteAll();
      await page.goto(url);
      await screenshot(page, { path: own, fullPage: true, animations: "disabled", caret: "hide" });
      await page.route(/\/assets\/participant-[0-9a-f]+\.css$/, (route) => route.fulfill({ contentType: "text/css", body: appCss }));
      await page.goto(url);
      await screenshot(page, { path: app, fullPage: true, animations: "disabled", caret: "hide" });
      const { differ, of } = difference(own, app);
      expect(differ / of, `${label}: ${differ} of ${of} pixels differ`).toBeLessThanOrEqual(0.005);
    }
  });
}
