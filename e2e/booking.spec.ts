import { expect, test } from "@playwright/test";
import { query } from "./support/database";
import { book, BY_ADMIN, daysAhead, expectInRoom, invitationPath, moveStart, rowByAdmin } from "./support/planado";
import { JITSI } from "./support/jitsi-stub";

const ID = /[a-z2-7]{26}/;

test("book a weekly conference, copy the invitation, and the invitation link waits", async ({ page, context, baseURL }) => {
  const date = daysAhead(10);
  const adminId = await book(page, { name: "Team sync & <friends>", date, time: "09:00", timeZone: "Europe/Berlin", repeat: "weekly", occurrences: "4" });

  // The overview.
  await expect(page.getByRole("status").filter({ hasText: "Your conference is booked" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Team sync & <friends>");
  await expect(page.getByTestId("starts")).toContainText("at 09:00 (Europe/Berlin)");
  await expect(page.getByTestId("repeats")).toHaveText("Every week: this meeting and 3 more");
  await expect(page.getByRole("img", { name: "QR code of the invitation link" }).locator("svg")).toBeVisible();
  const invitationLink = await page.getByLabel("Invitation link", { exact: true }).inputValue();
  // The name rides along, signed (a changed name is not shown).
  expect(invitationLink).toMatch(new RegExp(`^${baseURL}/i/${ID.source}\\?n=Team\\+sync\\+%26\\+%3Cfriends%3E&sig=[A-Za-z0-9_-]{11}$`));
  expect(await page.getByLabel("Admin link", { exact: true }).inputValue()).toBe(`${baseURL}/a/${adminId}?n=Team+sync+%26+%3Cfriends%3E`);
  await expect(page.getByText("Keep this link private")).toBeVisible();
  const mailto = await page.getByRole("link", { name: "Send by e-mail" }).getAttribute("href");
  expect(mailto).toMatch(/^mailto:\?subject=Invitation%3A%20Team%20sync%20%26%20%3Cfriends%3E&body=/);
  const calendarLink = await page.getByRole("link", { name: "Add to calendar" }).getAttribute("href");
  expect(calendarLink).toMatch(new RegExp(`^${baseURL}/calendar/team-sync-friends\\.ics\\?n=`));
  const subscription = await page.getByRole("link", { name: "Subscribe in your calendar" }).getAttribute("href");
  expect(subscription).toMatch(new RegExp(`^webcal://127\\.0\\.0\\.1:\\d+/calendar/feed/${ID.source}\\.ics\\?n=`));

  // Stored: the schedule in UTC and in Berlin wall-clock time, and no name.
  const row = await rowByAdmin(adminId);
  expect(row).toMatchObject({
    time_zone: "Europe/Berlin",
    local_start: `${date}T09:00`,
    repeat_every: 1,
    repeat_unit: "week",
    remaining_occurrences: 3,
    revision: 1,
  });
  expect(JSON.stringify(row)).not.toContain("Team sync");
  expect(invitationLink).toContain(`/i/${row!.invitation_id}?`);

  // Copy the invitation text.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("You are invited to a video conference: Team sync & <friends>");
  expect(copied).toMatch(/When: \w+, \d+ \w+ \d{4} at 09:00 \(Europe\/Berlin\)/);
  expect(copied).toContain(`Join: ${invitationLink}`);
  expect(copied).toContain(`Add to your calendar: ${calendarLink}`);
  expect(copied).toContain(`Or subscribe, and your calendar follows any change: ${subscription}`);

  // The invitation: please wait, in the organizer's zone and the viewer's own.
  await page.goto(invitationLink);
  await expect(page.getByText("Please wait")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Team sync & <friends>");
  await expect(page.getByTestId("organizer-time")).toContainText("at 09:00 (Europe/Berlin)");
  await expect(page.getByTestId("viewer-time")).toContainText(/America\/New York|Asia\/(Kolkata|Calcutta)/);
  await expect(page.getByTestId("countdown")).toHaveText(/^\d+ days?(, \d+ hours?)?$/);
});

test("the invitation forwards to the secret room once the conference has started, telling Jitsi nothing", async ({ page }) => {
  const adminId = await book(page, { name: "Started", date: daysAhead(3), time: "10:00", timeZone: "America/New_York" });
  const row = (await rowByAdmin(adminId))!;
  await moveStart(adminId, -60);

  const response = await page.request.get(`/i/${row.invitation_id}`, { maxRedirects: 0 });
  expect([303, 307]).toContain(response.status());
  expect(response.headers()["location"]).toBe(`${JITSI}/${row.room_id}`);

  await page.goto(invitationPath(row.invitation_id, "Started"));
  await expectInRoom(page, row.room_id);
});

test("with JavaScript, the wait page forwards at the start second even when the device clock is an hour wrong", async ({ page }) => {
  // The device thinks it is an hour earlier than it is.
  await page.addInitScript(`{
    const RealDate = Date;
    const offset = -3600000;
    globalThis.Date = class extends RealDate {
      constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
      static now() { return RealDate.now() + offset; }
    };
  }`);
  const adminId = await book(page, { name: "Soon", date: daysAhead(2), time: "08:00", timeZone: "UTC" });
  const row = (await rowByAdmin(adminId))!;
  await moveStart(adminId, 4);

  await page.goto(invitationPath(row.invitation_id, "Soon"));
  await expect(page.getByTestId("countdown")).toHaveText(/^00:0[1-4]$/);
  await expectInRoom(page, row.room_id, { timeout: 10_000 });
});

test("a wait page weeks ahead stays put (no reload loop from an overflowing timer)", async ({ page }) => {
  const adminId = await book(page, { name: "Far away", date: daysAhead(40), time: "09:00", timeZone: "UTC" });
  const row = (await rowByAdmin(adminId))!;
  const loads: string[] = [];
  page.on("request", (request) => request.isNavigationRequest() && loads.push(request.url()));
  await page.clock.install();
  await page.goto(`/i/${row.invitation_id}`);
  await expect(page.getByTestId("countdown")).toHaveText(/^(39|40) days(, \d+ hours?)?$/); // whole days say no "0 hours"
  await page.clock.runFor(10_000);
  await expect(page.getByTestId("countdown")).toHaveText(/^(39|40) days/);
  expect(loads).toHaveLength(1);
});

test("open a room now: the invitation forwards at once", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Name of the conference").fill("Quick call");
  await page.getByRole("button", { name: "Open a room now" }).click();
  await expect(page).toHaveURL(/\/a\/[a-z2-7]{26}\?n=Quick\+call&booked=1$/);
  const invitationLink = await page.getByLabel("Invitation link", { exact: true }).inputValue();
  await page.goto(invitationLink);
  await expect(page).toHaveURL(new RegExp(`^${JITSI}/${ID.source}$`));
  await expect(page.locator("#referer")).toHaveText(/^(none|https?:\/\/[^/?#]+\/)$/);
});

test("the organizer can join before the start", async ({ page }) => {
  const adminId = await book(page, { name: "Prepare", date: daysAhead(5), time: "14:00", timeZone: "Europe/Berlin" });
  const row = (await rowByAdmin(adminId))!;
  // A button (a POST): opening early changes state, which a link previewer must never do.
  await page.getByRole("button", { name: "Join now" }).click();
  await expectInRoom(page, row.room_id);
  // …while participants still wait.
  await page.goto(`/i/${row.invitation_id}`);
  await expect(page.getByText("Please wait")).toBeVisible();
});

test("edit the date, time and repetition: the overview shows the new invitation", async ({ page }) => {
  const date = daysAhead(7);
  const adminId = await book(page, { name: "Planning", date, time: "09:00", timeZone: "Europe/Berlin", repeat: "weekly", occurrences: "3" });
  const edit = page.getByRole("region", { name: "Change the conference" });
  const newDate = daysAhead(8);
  await edit.getByLabel("Date").fill(newDate);
  await edit.getByLabel("Start time").fill("10:30");
  await edit.getByLabel("Time zone").selectOption("Asia/Kathmandu");
  await edit.getByLabel("Repeat", { exact: true }).selectOption("biweekly");
  await edit.getByLabel("Number of meetings").fill("5");
  await edit.getByRole("button", { name: "Save changes" }).click();

  await expect(page).toHaveURL(/updated=1/);
  await expect(page.getByRole("status").filter({ hasText: "Participants who downloaded the calendar file need the new one" })).toBeVisible();
  await expect(page.getByTestId("starts")).toContainText("at 10:30 (Asia/Kathmandu)");
  await expect(page.getByTestId("repeats")).toHaveText("Every 2 weeks: this meeting and 4 more");
  await expect(page.getByLabel("Invitation text")).toHaveValue(/When: .* at 10:30 \(Asia\/Kathmandu\)/);
  await expect(page.getByRole("link", { name: "Add to calendar" })).toHaveAttribute("href", /&v=2&sig=/);
  expect(await rowByAdmin(adminId)).toMatchObject({
    local_start: `${newDate}T10:30`,
    time_zone: "Asia/Kathmandu",
    repeat_every: 2,
    remaining_occurrences: 4,
    revision: 2,
  });
});

test("an edit made on an outdated page is not saved, and the page says so", async ({ page }) => {
  const adminId = await book(page, { name: "Contested", date: daysAhead(7), time: "09:00", timeZone: "Europe/Berlin" });
  // Meanwhile, another window changes the conference.
  await query(`UPDATE conferences SET revision = revision + 1, duration_minutes = 30 WHERE ${BY_ADMIN}`, [adminId]);
  const edit = page.getByRole("region", { name: "Change the conference" });
  await edit.getByLabel("Start time").fill("11:00");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your change was not saved" })).toBeVisible();
  await expect(edit.getByLabel("Start time")).toHaveValue("09:00");
  await expect(edit.getByLabel("Duration")).toHaveValue("30");
  expect(await rowByAdmin(adminId)).toMatchObject({ revision: 2, duration_minutes: 30 });
});

test("delete after confirming: the invitation link stops working", async ({ page }) => {
  const adminId = await book(page, { name: "Cancelled", date: daysAhead(4), time: "16:00", timeZone: "Europe/Berlin" });
  const invitationLink = await page.getByLabel("Invitation link", { exact: true }).inputValue();
  await page.getByRole("link", { name: "Delete…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete “Cancelled”?");
  // Changing one's mind keeps it.
  await page.getByRole("link", { name: "No, keep it" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${adminId}\\?n=Cancelled$`));
  expect(await rowByAdmin(adminId)).toBeDefined();

  await page.getByRole("link", { name: "Delete…" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page).toHaveURL(/\/\?deleted=1$/);
  await expect(page.getByText("The conference was deleted.")).toBeVisible();
  expect(await rowByAdmin(adminId)).toBeUndefined();

  const response = await page.goto(invitationLink);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation does not work");
  expect((await page.goto(`/a/${adminId}`))?.status()).toBe(404);
});

test("unknown and malformed links get a friendly 404, not an error", async ({ page }) => {
  for (const path of ["/i/abcdefghijklmnopqrstuvwxyz", "/i/not-an-id", "/i/%27%20OR%201%3D1", "/a/abcdefghijklmnopqrstuvwxyz", "/a/x/delete", "/i/x/join"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  const join = await page.request.get("/a/abcdefghijklmnopqrstuvwxyz/join", { maxRedirects: 0 });
  expect(join.status()).toBe(303);
  // Relative: right behind any proxy.
  expect(join.headers()["location"]).toBe("/a/abcdefghijklmnopqrstuvwxyz");
});

test("invitation and admin pages are private: no index, no shared cache, only our origin as referrer", async ({ page }) => {
  const adminId = await book(page, { name: "Private", date: daysAhead(6), time: "11:00", timeZone: "UTC" });
  const row = (await rowByAdmin(adminId))!;
  for (const path of [`/i/${row.invitation_id}`, `/a/${adminId}`]) {
    const response = await page.request.get(path);
    expect(response.headers()["x-robots-tag"], path).toBe("noindex, nofollow");
    expect(response.headers()["cache-control"], path).toContain("no-store");
    expect(response.headers()["referrer-policy"], path).toBe("strict-origin");
  }
});
