/**
 * One whole booking in Arabic, as an Arabic browser sees it: the page runs right to left, the name
 * and times are isolated from the text around them, and links and ids read left to right.
 */
import { expect, test } from "@playwright/test";
import type { Locator } from "@playwright/test";
import { MESSAGES } from "../support/messages";
import { daysAhead, expectInRoom, moveStart, rowByAdmin } from "../support/planado";

const m = MESSAGES.ar;

test.use({ locale: "ar-EG" });

/** Where an element's box sits in the page's main column: hugging its right edge, or its left. */
async function side(element: Locator): Promise<"right" | "left"> {
  return element.evaluate((el) => {
    const main = document.querySelector("main > *")!.getBoundingClientRect();
    // The text's own box (a heading's block spans the whole column either way).
    const text = document.createRange();
    text.selectNodeContents(el);
    const box = text.getBoundingClientRect();
    return Math.abs(main.right - box.right) < Math.abs(box.left - main.left) ? "right" : "left";
  });
}

test("book, share and join in Arabic, right to left", async ({ page }) => {
  const name = "Math 101 (Gruppe B)";
  // The browser asks for Arabic: no ?lang= needed.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("main h1")).toHaveText(m.home.title);
  expect(await side(page.locator("main h1"))).toBe("right");

  await page.getByLabel(m.form.name).fill(name);
  await page.getByLabel(m.form.date).fill(daysAhead(4));
  await page.getByLabel(m.form.time).fill("08:00");
  await page.getByLabel(m.form.timeZone).selectOption("Asia/Riyadh");
  await page.getByRole("button", { name: m.form.book }).click();
  await expect(page).toHaveURL(/\/a\/[a-z2-7]{26}\?/);
  const adminId = new URL(page.url()).pathname.split("/")[2]!;
  const row = (await rowByAdmin(adminId))!;
  expect(row.time_zone).toBe("Asia/Riyadh");
  expect(row.local_start).toBe(`${daysAhead(4)}T08:00`);

  await expect(page.getByRole("status").filter({ hasText: m.admin.booked })).toBeVisible();
  // A Latin name on an Arabic page: isolated, so its brackets stay where they belong, and the
  // heading still starts on the right.
  const title = page.locator("main h1");
  await expect(title).toHaveText(name);
  expect(await title.locator("bdi").count()).toBe(1);
  expect(await side(title)).toBe("right");
  // The links read left to right, whatever the page does.
  const invitation = page.locator("#invitation-link");
  await expect(invitation).toHaveAttribute("dir", "ltr");
  expect(await invitation.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  await expect(page.locator("#admin-link")).toHaveAttribute("dir", "ltr");
  const link = await invitation.inputValue();
  expect(link).toContain(`/i/${row.invitation_id}?`);

  // The participant opens the invitation in the same Arabic browser.
  await page.goto(link);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByText(m.invitation.pleaseWait)).toBeVisible();
  const countdown = page.getByRole("timer", { name: m.invitation.startsIn });
  await expect(countdown).toBeVisible();
  expect(await countdown.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
  await expect(page.getByTestId("organizer-time").locator("bdi")).toContainText("Asia/Riyadh");
  await expect(page.locator("code", { hasText: "/calendar/feed/" })).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("link", { name: m.calendar.google })).toHaveAttribute("rel", "noopener noreferrer");

  await moveStart(adminId, -1);
  await page.reload();
  await expectInRoom(page, row.room_id);
});
