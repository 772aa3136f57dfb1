import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { parseCalendar } from "../tests/support/parse-calendar";
import { book, daysAhead, invitationPath, rowByAdmin } from "./support/planado";

/** Clicks a link that downloads a calendar file and returns the file's text and name. */
async function download(page: Page, linkName: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).first().click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

test("the calendar file from the overview and from the wait page imports as booked", async ({ page }) => {
  const date = daysAhead(14);
  const adminId = await book(page, { name: "Planning; Q&A, café", date, time: "09:30", timeZone: "Europe/Berlin", repeat: "monthly", occurrences: "3" });
  const row = (await rowByAdmin(adminId))!;

  const fromOverview = await download(page, "Add to calendar");
  // Browsers use the UTF-8 filename* of Content-Disposition.
  expect(fromOverview.name).toBe("Planning; Q&A, café.ics");
  const [event] = parseCalendar(fromOverview.text).events;
  expect(event!.summary).toBe("Planning; Q&A, café");
  expect(event!.tzid).toBe("Europe/Berlin");
  expect(event!.start.toISOString()).toBe(new Date(row.starts_at).toISOString());
  expect(event!.end.getTime() - event!.start.getTime()).toBe(60 * 60_000);
  expect(event!.occurrences).toHaveLength(3);
  expect(event!.url).toContain(`/i/${row.invitation_id}?n=`);
  expect(event!.uid).not.toContain(row.invitation_id);
  expect(event!.alarmTrigger).toBe("-PT10M");

  await page.goto(invitationPath(row.invitation_id, "Planning; Q&A, café"));
  const fromWaitPage = await download(page, "Add to calendar");
  const [again] = parseCalendar(fromWaitPage.text).events;
  // The same event: calendars update it instead of adding a second one.
  expect(again!.uid).toBe(event!.uid);
  expect(again!.start).toEqual(event!.start);
  expect(again!.occurrences).toEqual(event!.occurrences);
});

test("the calendar file is served as text/calendar with a safe name", async ({ page, request }) => {
  await book(page, { name: 'Evil"\r\nSet-Cookie: x=y', date: daysAhead(5), time: "10:00", timeZone: "UTC" });
  const href = (await page.getByRole("link", { name: "Add to calendar" }).getAttribute("href"))!;
  const response = await request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe(
    `attachment; filename="evil-set-cookie-x-y.ics"; filename*=UTF-8''Evil%22%20Set-Cookie%3A%20x%3Dy.ics`,
  );
  expect(response.headers()["set-cookie"]).toBeUndefined();
  expect(new URL(href).pathname).toMatch(/\.ics$/);
});

test("forged, tampered and unsigned calendar links get a clear 400 page, not a file", async ({ page, request }) => {
  await book(page, { name: "Genuine", date: daysAhead(5), time: "10:00", timeZone: "UTC" });
  const href = new URL((await page.getByRole("link", { name: "Add to calendar" }).getAttribute("href"))!);

  const tampered = new URL(href);
  tampered.searchParams.set("n", "Pay your invoice at evil.example");
  const unsigned = new URL(href);
  unsigned.searchParams.delete("sig");
  for (const [url, message] of [
    [tampered, "was changed or does not come from this Planado"],
    [unsigned, "has no signature"],
  ] as const) {
    const response = await request.get(url.href);
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("text/html");
    expect(await response.text()).toContain(message);
  }
  const feed = new URL((await page.getByRole("link", { name: "Subscribe in your calendar" }).getAttribute("href"))!.replace(/^webcal:/, "http:"));
  feed.searchParams.set("n", "Someone else");
  expect((await request.get(feed.href)).status()).toBe(400);
});

test("a subscription follows edits and removes the event once the conference is deleted", async ({ page, request }) => {
  await book(page, { name: "Followed", date: daysAhead(10), time: "08:00", timeZone: "America/New_York", repeat: "weekly", occurrences: "2" });
  const feedUrl = (await page.getByRole("link", { name: "Subscribe in your calendar" }).getAttribute("href"))!.replace(/^webcal:/, "http:");
  const read = async () => parseCalendar(await (await request.get(feedUrl)).text());

  const before = await read();
  expect(before.events).toHaveLength(1);
  expect(before.events[0]!.sequence).toBe(1);
  expect(before.events[0]!.occurrences).toHaveLength(2);

  const edit = page.getByRole("region", { name: "Change the conference" });
  await edit.getByLabel("Start time").fill("09:15");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/updated=1/);
  const after = await read();
  expect(after.events[0]!.uid).toBe(before.events[0]!.uid);
  expect(after.events[0]!.sequence).toBe(2);
  expect(after.events[0]!.start.getTime() - before.events[0]!.start.getTime()).toBe(75 * 60_000);

  await page.getByRole("link", { name: "Delete…" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page).toHaveURL(/deleted=1/);
  expect((await read()).events).toHaveLength(0);
});
