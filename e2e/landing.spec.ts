import { expect, test } from "@playwright/test";

test("the landing page shows Planado in a header, main and footer, all served by Planado", async ({ page, baseURL }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));

  await page.goto("/");
  await expect(page).toHaveTitle(/Planado/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Planado" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Book a Jitsi Meet conference in advance");
  await expect(page.getByRole("contentinfo")).toContainText("no names, no e-mail addresses and no IP addresses");
  await page.waitForLoadState("networkidle");

  const origin = new URL(baseURL!).origin;
  const foreign = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
  expect(foreign).toEqual([]);
  expect(requested.length).toBeGreaterThan(1); // the page and its own assets, at least
});

test("the landing page fits the screen without sideways scrolling", async ({ page }) => {
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a keyboard user can skip straight to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the landing page works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});

test("the health check says ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", retriedWrites: expect.any(Number) });
  expect(response.headers()["referrer-policy"]).toBe("strict-origin");
  expect(response.headers()["x-powered-by"]).toBeUndefined();
});
