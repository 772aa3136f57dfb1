/**
 * The participant's path as our server answers it before Next: the wait page reaches the room at the
 * start with JavaScript on, off, or with its script blocked; it stays light; it keeps the proxy's
 * duties (languages, limits, a friendly 503).
 */
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { NO_DATABASE_PORT, OPERATOR_OPTIONS_PORT } from "./support/settings";
import { bookViaApi, expectInRoom, invitationPath, moveStart, rowByAdmin } from "./support/planado";

/** A conference that opens `seconds` from now, with the wait page open in `page`. */
async function waitingFor(page: Page, seconds: number) {
  const { adminId, invitationId } = await bookViaApi(page.request, { name: "Rush" });
  const row = (await rowByAdmin(adminId))!;
  await moveStart(adminId, seconds);
  await page.goto(invitationPath(invitationId, "Rush"));
  await expect(page.getByText("Please wait")).toBeVisible();
  return row;
}

test.describe("at the start second the wait page goes to the room", () => {
  test("with JavaScript: the countdown runs and forwards", async ({ page }) => {
    const row = await waitingFor(page, 4);
    await expect(page.getByTestId("countdown")).toHaveText(/^00:0[1-3]$/);
    await expectInRoom(page, row.room_id, { timeout: 10_000 });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the page reloads itself at the start and the server forwards", async ({ page }) => {
      const row = await waitingFor(page, 3);
      await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", /^[1-3]; url=\/i\/[a-z2-7]{26}\?n=Rush&sig=/);
      await expectInRoom(page, row.room_id, { timeout: 10_000 });
    });
  });

  test("with its script blocked (the policy refuses a changed script), the reload still gets there", async ({ page }) => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to execute/i.test(message.text())) refused.push(message.text());
    });
    // Change the page's one script on the way: its hash no longer matches, so the browser blocks it.
    await page.route(/\/i\/[a-z2-7]{26}(\?|$)/, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      if (!response.headers()["content-type"]?.startsWith("text/html")) return route.fulfill({ response });
      const headers = { ...response.headers() };
      delete headers["content-encoding"];
      delete headers["content-length"];
      const body = (await response.text()).replace("<script>", "<script>/* changed */");
      await route.fulfill({ response, headers, body });
    });
    const row = await waitingFor(page, 3);
    const shown = await page.getByTestId("countdown").textContent();
    await expectInRoom(page, row.room_id, { timeout: 10_000 });
    expect(refused.length).toBeGreaterThan(0);
    expect(shown).toMatch(/^00:0[1-3]$/);
  });
});

test("the wait page is light: its document and its own small stylesheet, no script file, no font", async ({ page }) => {
  const requests: { url: string; type: string }[] = [];
  page.on("request", (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  const { invitationId } = await bookViaApi(page.request, { name: "Light" });
  await page.goto(invitationPath(invitationId, "Light"));
  await expect(page.getByTestId("countdown")).toHaveText(/^\d+ days?/);
  await page.waitForLoadState("networkidle");
  const loads = requests.filter((r) => !/\/(icon\.svg|favicon\.ico)$/.test(r.url));
  expect(loads.map((r) => r.type)).toEqual(["document", "stylesheet"]);
  const stylesheet = loads[1]!.url;
  expect(stylesheet).toMatch(/\/assets\/participant-[0-9a-f]{16}\.css$/);
  const css = await page.request.get(stylesheet, { headers: { "Accept-Encoding": "gzip" } });
  expect(css.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await css.body()).length).toBeLessThan(12_000);

  // Not the app's stylesheet (the organizer's pages): the participant's own, in the same look.
  await page.goto("/");
  const appStylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(appStylesheets).not.toContain(stylesheet);
});

test("the wait page weighs at most 8 kB as sent (page and stylesheet, compressed), for a weekly series with a 60-character Arabic name", async ({
  request,
}) => {
  const name = "اجتماع الفريق الأسبوعي لمراجعة التقدم والخطط القادمة للمشروع";
  expect([...name]).toHaveLength(60);
  const response = await request.post("/api/v1/conferences", {
    data: { name, start: "2031-06-02T09:00", timeZone: "Europe/Berlin", durationMinutes: 60, repeat: { every: 1, unit: "week", count: 10 } },
  });
  const link = new URL(((await response.json()) as { links: { invitation: string } }).links.invitation);
  const sent = async (path: string) => {
    const answer = await request.get(path, { headers: { "Accept-Encoding": "gzip" } });
    expect(answer.headers()["content-encoding"], path).toBe("gzip");
    return { bytes: Number(answer.headers()["content-length"]), text: await answer.text() };
  };
  const page = await sent(`${link.pathname}${link.search}&lang=ar`);
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page.text)![1]!;
  const css = await sent(stylesheet);
  expect(page.bytes + css.bytes, `page ${page.bytes} B + stylesheet ${css.bytes} B`).toBeLessThanOrEqual(8 * 1024);
});

test("the favicon is small and kept by browsers", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/x-icon");
  expect(icon.headers()["cache-control"]).toMatch(/^public, max-age=\d{6,}$/);
  expect((await icon.body()).length).toBeLessThan(2_048);
});

test("the participant's path and the app's pages vary by language, for any cache on the way", async ({ request }) => {
  const { invitationId } = await bookViaApi(request, { name: "Vary" });
  for (const path of [`/i/${invitationId}`, `/api/v1/invitations/${invitationId}`, "/", "/i/abcdefghijklmnopqrstuvwxyz"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["vary"], path).toMatch(/Accept-Language/);
  }
});

test.describe("a client's own say about its address", () => {
  test.use({ baseURL: `http://127.0.0.1:${OPERATOR_OPTIONS_PORT}` });

  test("is not believed from our header: misses still count against the real client", async ({ request, browserName }) => {
    // One client (behind the test's loopback "proxy"), claiming a new address in our header each time.
    const me = `203.0.113.${Math.floor(Math.random() * 250)}, 10.8.${browserName.length}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 5; i++) {
      const miss = await request.get(`/i/${"abcdefghijklmnopqrstuvwxy"}${"234567"[i]}`, {
        headers: { "X-Forwarded-For": me, "X-Planado-Client": `192.0.2.${i}` },
      });
      expect(miss.status()).toBe(404);
    }
    const blocked = await request.get("/i/abcdefghijklmnopqrstuvwxyz", { headers: { "X-Forwarded-For": me, "X-Planado-Client": "192.0.2.99" } });
    expect(blocked.status()).toBe(429);
  });
});

test.describe("when the database is down", () => {
  test.use({ baseURL: `http://127.0.0.1:${NO_DATABASE_PORT}` });

  test("the participant's path says so in a friendly page or problem", async ({ request }) => {
    const page = await request.get("/i/abcdefghijklmnopqrstuvwxyz");
    expect(page.status()).toBe(503);
    expect(page.headers()["retry-after"]).toBe("10");
    expect(await page.text()).toContain("Planado is unavailable for a moment");
    const api = await request.get("/api/v1/invitations/abcdefghijklmnopqrstuvwxyz");
    expect(api.status()).toBe(503);
    expect(await api.json()).toMatchObject({ type: "urn:planado:problem:unavailable", status: 503 });
  });
});
