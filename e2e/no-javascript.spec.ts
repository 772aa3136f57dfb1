import { expect, test } from "@playwright/test";
import { daysAhead, expectInRoom, invitationPath, moveStart, rowByAdmin } from "./support/planado";

test.use({ javaScriptEnabled: false });

test("without JavaScript: book, see errors with input kept, wait with reloads, and be forwarded", async ({ page }) => {
  await page.goto("/");
  // The server's default zone stands in for the browser's.
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");

  // A mistake comes back next to its field, with everything typed still there.
  await page.getByLabel("Date").fill(daysAhead(9));
  await page.getByLabel("Start time").fill("07:45");
  await page.getByLabel("Repeat", { exact: true }).selectOption("monthly");
  await page.getByLabel("Number of meetings").fill("6");
  await page.getByRole("button", { name: "Book the conference" }).click();
  await expect(page.getByText("Enter a name for the conference.")).toBeVisible();
  await expect(page.getByLabel("Start time")).toHaveValue("07:45");
  await expect(page.getByLabel("Repeat", { exact: true })).toHaveValue("monthly");
  await expect(page.getByLabel("Number of meetings")).toHaveValue("6");

  await page.getByLabel("Name of the conference").fill("Offline friends");
  await page.getByRole("button", { name: "Book the conference" }).click();
  await expect(page).toHaveURL(/\/a\/[a-z2-7]{26}\?n=Offline\+friends&booked=1$/);
  await expect(page.getByTestId("starts")).toContainText("at 07:45 (Europe/Berlin)");
  await expect(page.getByTestId("repeats")).toHaveText("Every month: this meeting and 5 more");
  // No copy button without JavaScript; the text is there to select.
  await expect(page.getByRole("button", { name: "Copy invitation" })).toHaveCount(0);
  await page.getByText("Invitation text", { exact: true }).first().click();
  await expect(page.getByLabel("Invitation text")).toHaveValue(/Offline friends/);

  const adminId = new URL(page.url()).pathname.split("/")[2]!;
  const row = (await rowByAdmin(adminId))!;
  await page.goto(invitationPath(row.invitation_id, "Offline friends"));
  await expect(page.getByText("Please wait")).toBeVisible();
  // (Playwright's text locators skip <noscript>, so look at the element itself.)
  await expect(page.locator("noscript p")).toHaveText("This page reloads by itself. If it does not, use this link: Reload the page");
  const own = invitationPath(row.invitation_id, "Offline friends");
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", `30; url=${own}`);
  await expect(page.locator("noscript a")).toHaveAttribute("href", own);

  // Shortly before the start, the page reloads at the start second and the server forwards.
  await moveStart(adminId, 2);
  await page.reload();
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", /^[12]; url=\/i\//);
  await expectInRoom(page, row.room_id, { timeout: 10_000 });
});

test("without JavaScript: edit, join early and delete", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Name of the conference").fill("No script");
  await page.getByLabel("Date").fill(daysAhead(12));
  await page.getByLabel("Start time").fill("18:00");
  await page.getByRole("button", { name: "Book the conference" }).click();
  const adminId = new URL(page.url()).pathname.split("/")[2]!;

  const edit = page.getByRole("region", { name: "Change the conference" });
  await edit.getByLabel("Start time").fill("19:15");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("starts")).toContainText("at 19:15 (Europe/Berlin)");
  expect(await rowByAdmin(adminId)).toMatchObject({ revision: 2 });

  // Join now is a plain form: the organizer reaches the room days early without a script.
  const adminPage = page.url();
  await page.getByRole("button", { name: "Join now" }).click();
  await expectInRoom(page, (await rowByAdmin(adminId))!.room_id);
  await page.goto(adminPage);

  await page.getByRole("link", { name: "Delete…" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByText("The conference was deleted.")).toBeVisible();
  expect(await rowByAdmin(adminId)).toBeUndefined();
});
