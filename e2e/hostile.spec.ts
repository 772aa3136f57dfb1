/**
 * A hostile visitor: security headers, no cookies, no third parties, hostile names everywhere,
 * guessing ids, forged server actions.
 */
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { nameFromLink } from "../lib/conferences/name";
import { parseCalendar } from "../tests/support/parse-calendar";
import { OPERATOR_OPTIONS_PORT } from "./support/settings";
import { book, daysAhead, invitationPath, rowByAdmin } from "./support/planado";

const HOSTILE_NAMES = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "Sync\r\nSet-Cookie: x=y",
  "%0d%0aX-Injected: 1",
  "\u202egnitceem\u202c (RTL override)",
  "ctrl\u0000\u0007\u001b[31m",
  // 3 kB (a link whose request head passes 8 kB is refused with 431 before any page: server/request-limits.ts).
  `${"Long name ".repeat(300)}`,
  "👩‍👩‍👧‍👦 Family 🏳️‍🌈 call",
];

/**
 * Every script on the page is one the policy allows: it carries the policy's nonce, or its text has
 * a hash the policy names. Nothing a name could inject passes either test.
 */
async function expectOnlyAllowedScripts(page: Page, csp: string) {
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const hashes = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
  // Every script a browser would run (a data block, type="application/json", runs nothing).
  const scripts = await page
    .locator("script:not([type='application/json'])")
    .evaluateAll((elements) => elements.map((e) => ({ nonce: (e as HTMLScriptElement).nonce, text: e.textContent ?? "", src: (e as HTMLScriptElement).src })));
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const hash = createHash("sha256").update(script.text).digest("base64");
    expect((nonce !== undefined && script.nonce === nonce) || (!script.src && hashes.includes(hash)), JSON.stringify(script).slice(0, 200)).toBe(true);
  }
}

/** Fails the test on any dialog (an injected alert) and on any CSP violation reported in the console. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  return problems;
}

test("every page sends strict security headers: a fresh nonce each time, or the hash of one fixed script", async ({ page, request }) => {
  const adminId = await book(page, { name: "Headers", date: daysAhead(6), time: "10:00", timeZone: "UTC" });
  const row = (await rowByAdmin(adminId))!;
  const nonces = new Set<string>();
  const hashes = new Set<string>();
  // The app's pages (Next's scripts carry the nonce), then the participant's pages our server
  // renders itself (one inline script, allowed by its hash; no nonce needed, none given).
  const appPages = ["/", `/a/${adminId}`, `/a/${adminId}/delete`, "/nowhere"];
  const participantPages = [`/i/${row.invitation_id}`, "/i/abcdefghijklmnopqrstuvwxyz"];
  for (const path of [...appPages, ...participantPages]) {
    const response = await request.get(path);
    const h = response.headers();
    const csp = h["content-security-policy"]!;
    if (appPages.includes(path)) {
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      nonces.add(/nonce-([^']+)/.exec(csp)![1]!);
    } else {
      expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')?;/);
      expect(csp, path).toContain("style-src 'self';");
      for (const [hash] of csp.matchAll(/sha256-[A-Za-z0-9+/=]+/g)) hashes.add(hash);
    }
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).not.toContain("unsafe-inline");
    expect(h["referrer-policy"], path).toBe("strict-origin");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["permissions-policy"], path).toContain("microphone=()");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["set-cookie"], path).toBeUndefined();
    if (/^\/(a|i)\//.test(path)) {
      expect(h["cache-control"], path).toContain("no-store");
      expect(h["x-robots-tag"], path).toContain("noindex");
    }
  }
  expect(nonces.size).toBe(appPages.length);
  expect(hashes.size).toBe(1);
});

test("the whole flow runs under the CSP, sets no cookie and asks no other host for anything", async ({ page, context, baseURL }) => {
  const problems = watch(page);
  const foreign: string[] = [];
  const origin = new URL(baseURL!).origin;
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) foreign.push(url);
  });
  const adminId = await book(page, { name: "Clean", date: daysAhead(6), time: "10:00", timeZone: "UTC", repeat: "weekly", occurrences: "3" });
  await expect(page.getByRole("button", { name: "Copy invitation" })).toBeVisible(); // scripts ran
  const row = (await rowByAdmin(adminId))!;
  await page.goto(invitationPath(row.invitation_id, "Clean"));
  await expect(page.getByTestId("countdown")).toBeVisible();
  await page.goto(`/a/${adminId}/delete`);
  await page.goto("/nowhere");
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

for (const [i, raw] of HOSTILE_NAMES.entries()) {
  test(`hostile name #${i + 1} in a link breaks no page, header, mailto link or calendar file`, async ({ page, request }) => {
    const problems = watch(page);
    const adminId = await book(page, { name: "Target", date: daysAhead(6), time: "10:00", timeZone: "Europe/Berlin" });
    const row = (await rowByAdmin(adminId))!;
    const expected = nameFromLink(raw)!;
    const query = `?n=${encodeURIComponent(raw)}`;

    // The admin link as typed; the invitation link as the admin page hands it out (cleaned name, signed).
    for (const path of [`/a/${adminId}${query}`, invitationPath(row.invitation_id, expected)]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()["x-injected"]).toBeUndefined();
      expect(response?.headers()["set-cookie"]).toBeUndefined();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected);
      await expectOnlyAllowedScripts(page, response!.headers()["content-security-policy"]!);
    }

    await page.goto(`/a/${adminId}${query}`);
    const mailto = (await page.getByRole("link", { name: "Send by e-mail" }).getAttribute("href"))!;
    const mail = new URL(mailto);
    expect(mail.searchParams.get("subject")).toBe(`Invitation: ${expected}`);
    expect(mail.searchParams.get("body")).toContain(`video conference: ${expected}\r\n`);
    await expect(page.getByLabel("Invitation text")).toHaveValue(
      new RegExp(`^You are invited to a video conference: ${expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n`),
    );

    const calendar = await request.get((await page.getByRole("link", { name: "Add to calendar" }).first().getAttribute("href"))!);
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()["content-disposition"]).toMatch(/^attachment; filename="[a-z0-9-]+\.ics"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+\.ics$/);
    expect(parseCalendar(await calendar.text()).events[0]!.summary).toBe(expected);
    expect(problems).toEqual([]);
  });
}

test("a hostile name typed into the booking form and sent to the API comes back as typed, cleaned", async ({ page, request }) => {
  const problems = watch(page);
  const raw = '<b>bold</b> "quoted" \u202eevil\u202c';
  await book(page, { name: raw, date: daysAhead(6), time: "10:00", timeZone: "UTC" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nameFromLink(raw)!);
  const viaApi = await request.post("/api/v1/conferences", { data: { name: raw, start: `${daysAhead(6)}T10:00`, timeZone: "UTC" } });
  expect(viaApi.status()).toBe(201);
  expect(new URL((await viaApi.json()).links.invitation).searchParams.get("n")).toBe(nameFromLink(raw));
  expect(problems).toEqual([]);
});

test("a deleted id answers exactly like one that never existed, and every miss takes the same time", async ({ page, request }) => {
  const adminId = await book(page, { name: "Gone", date: daysAhead(6), time: "10:00", timeZone: "UTC" });
  const row = (await rowByAdmin(adminId))!;
  await page.getByRole("link", { name: "Delete…" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page).toHaveURL(/deleted=1/);

  const answers = [];
  for (const path of [`/i/${row.invitation_id}`, "/i/abcdefghijklmnopqrstuvwxyz", `/i/${adminId}`, "/i/zzzzzzzzzzzzzzzzzzzzzzzzzz"]) {
    const started = Date.now();
    const response = await request.get(path);
    const elapsed = Date.now() - started;
    const text = await response.text();
    // The same page but for the id in the address (and the nonce, on a page that has one).
    const nonce = /nonce-([^']+)/.exec(response.headers()["content-security-policy"]!)?.[1];
    const body = (nonce ? text.replaceAll(nonce, "NONCE") : text).replaceAll(/[a-z2-7]{26}/g, "ID");
    answers.push({ status: response.status(), length: text.length, body });
    expect(elapsed, path).toBeGreaterThanOrEqual(100);
  }
  expect(new Set(answers.map((a) => a.status))).toEqual(new Set([404]));
  expect(new Set(answers.map((a) => a.length)).size).toBe(1);
  expect(new Set(answers.map((a) => a.body)).size).toBe(1);
});

test("forged server action requests fail cleanly", async ({ page, request }) => {
  // An action id that does not exist.
  const forged = await request.post("/", { headers: { "Next-Action": "00".repeat(21), "Content-Type": "text/plain;charset=UTF-8" }, data: "[]" });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(forged.status()).toBeLessThan(500);
  expect(await forged.text()).not.toMatch(/at .+\(.+:\d+:\d+\)|Prisma|node_modules/);
  // Sent from another site's page (or a sandboxed one, which says null): refused before Next sees it.
  for (const origin of ["null", "https://evil.example"]) {
    const crossSite = await request.post("/", {
      headers: { Origin: origin, "Next-Action": "00".repeat(21), "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(crossSite.status(), origin).toBe(403);
    expect(await crossSite.text()).toContain("Form not accepted");
  }

  // The real edit and delete actions, for an admin id that does not exist or an invitation id.
  const adminId = await book(page, { name: "Forged", date: daysAhead(6), time: "10:00", timeZone: "UTC" });
  const row = (await rowByAdmin(adminId))!;
  for (const fake of ["abcdefghijklmnopqrstuvwxyz", row.invitation_id]) {
    await page.goto(`/a/${adminId}?n=Forged`);
    await page
      .locator('input[name="adminId"]')
      .first()
      .evaluate((input: HTMLInputElement, value) => (input.value = value), fake);
    await page.getByRole("region", { name: "Change the conference" }).getByLabel("Start time").fill("11:00");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("This conference no longer exists")).toBeVisible();

    await page.goto(`/a/${adminId}/delete`);
    await page.locator('input[name="adminId"]').evaluate((input: HTMLInputElement, value) => (input.value = value), fake);
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    await expect(page.getByText("This conference no longer exists")).toBeVisible();
  }
  expect(await rowByAdmin(adminId)).toMatchObject({ revision: 1 });
});

test("a page on another site cannot post our booking form: its visitors get a refusal in our look, before anything runs", async ({
  page,
  request,
  baseURL,
}) => {
  // Our booking form, copied by another site as it is served (its action's id included) and pointed at us.
  const home = await (await request.get("/")).text();
  const form = [...home.matchAll(/<form\b[\s\S]*?<\/form>/g)].map(([html]) => html).find((html) => html.includes("Book the conference"));
  expect(form, "the home page has the booking form").toBeTruthy();
  const copied = form!.replace(/^<form\b[^>]*>/, (tag) =>
    tag.replace(/\s(action|method)="[^"]*"/gi, "").replace(/^<form/, `<form action="${baseURL}/" method="post"`),
  );
  const sites = { "http://evil.test/": {}, "http://evil.test/sandboxed": { "Content-Security-Policy": "sandbox allow-forms" } };
  for (const [address, headers] of Object.entries(sites)) {
    await page.route(address, (route) => route.fulfill({ contentType: "text/html", headers, body: `<!doctype html><html><body>${copied}</body></html>` }));
    await page.goto(address);
    await page.getByLabel("Name of the conference").fill("Spent allowance");
    await page.getByLabel("Date").fill(daysAhead(8));
    await page.getByLabel("Start time").fill("09:00");
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Book the conference" }).click(),
    ]);
    expect(answer.status(), address).toBe(403);
    expect(await answer.request().headerValue("origin"), address).toBe(address.endsWith("sandboxed") ? "null" : "http://evil.test");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Form not accepted");
  }
});

test("the real server actions, called with arguments of someone's choosing, answer like bad input", async ({ page }) => {
  // Learn the booking action's id from a real (invalid) submission…
  await page.goto("/");
  const actionId = new Promise<string>((resolve) => page.on("request", (r) => r.headers()["next-action"] && resolve(r.headers()["next-action"]!)));
  await page.getByRole("button", { name: "Book the conference" }).click();
  await expect(page.getByText("Enter a name for the conference.")).toBeVisible();
  // …then call it with arguments no form sends.
  for (const args of [[null, "x"], ["x"], [], [{ attempt: "1" }, null]]) {
    const response = await page.request.post("/", {
      headers: { "Next-Action": await actionId, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify(args),
    });
    expect(response.status(), JSON.stringify(args)).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/at .+\(.+:\d+:\d+\)|TypeError|node_modules/);
  }
});

test.describe("guessing ids", () => {
  test.use({ baseURL: `http://127.0.0.1:${OPERATOR_OPTIONS_PORT}` });

  test("too many misses from one client get 429 for a while; its conferences and others are not affected", async ({ request, browserName }) => {
    const me = { "X-Forwarded-For": `203.0.113.${Math.floor(Math.random() * 250)}, 10.9.${browserName.length}.${Math.floor(Math.random() * 250)}` };
    const booked = await request.post("/api/v1/conferences", { headers: me, data: { name: "Office", start: `${daysAhead(5)}T10:00`, timeZone: "UTC" } });
    expect(booked.status()).toBe(201);
    const { adminId, invitationId } = (await booked.json()) as { adminId: string; invitationId: string };
    for (let i = 0; i < 5; i++) {
      const miss = await request.get(`/i/${"abcdefghijklmnopqrstuvwxy"}${"234567"[i]}`, { headers: me });
      expect(miss.status()).toBe(404);
    }
    const blocked = await request.get("/i/abcdefghijklmnopqrstuvwxyz", { headers: me });
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Too many attempts");
    // The API and the admin pages too.
    expect((await request.get("/api/v1/invitations/abcdefghijklmnopqrstuvwxyz", { headers: me })).status()).toBe(429);
    expect((await request.get("/a/abcdefghijklmnopqrstuvwxyz", { headers: me })).status()).toBe(429);
    // What exists is still answered, to this client too (an office behind one address).
    expect((await request.get(`/i/${invitationId}`, { headers: me })).status()).toBe(200);
    expect((await request.get(`/a/${adminId}`, { headers: me })).status()).toBe(200);
    expect((await request.get(`/api/v1/invitations/${invitationId}`, { headers: me })).status()).toBe(200);
    // Someone else still gets a plain 404.
    expect((await request.get("/i/abcdefghijklmnopqrstuvwxyz", { headers: { "X-Forwarded-For": "192.0.2.77" } })).status()).toBe(404);
  });
});
