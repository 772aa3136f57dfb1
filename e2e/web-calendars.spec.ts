/**
 * "Google Calendar" and "Outlook" beside the calendar file and the subscription: plain links that
 * open those services in a new tab with the conference filled in, a line saying so, and no request
 * of ours to them.
 */
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { bookViaApi, daysAhead, invitationPath } from "./support/planado";

/** The web-calendar links of the page, by their text, with what a click would send. */
async function webCalendarLinks(page: Page) {
  const links = page.getByTestId("web-calendars").getByRole("link");
  return links.evaluateAll((elements) =>
    elements.map((a) => ({ text: a.textContent, href: a.getAttribute("href")!, target: a.getAttribute("target"), rel: a.getAttribute("rel") })),
  );
}

test("a single meeting: Google Calendar, Outlook.com and Microsoft 365, filled in, in a new tab without a Referer", async ({ page }) => {
  const name = `Parents' evening <b>&</b> "Q&A"`;
  const { adminId, invitationId } = await bookViaApi(page.request, { name, start: `${daysAhead(9)}T18:30`, timeZone: "Europe/Lisbon" });
  const hosts = new Set<string>();
  page.on("request", (request) => hosts.add(new URL(request.url()).hostname));

  for (const path of [invitationPath(invitationId, name), `/a/${adminId}?${new URLSearchParams({ n: name })}`]) {
    await page.goto(path);
    const links = await webCalendarLinks(page);
    expect(links.map((link) => link.text)).toEqual(["Google Calendar", "Outlook.com", "Microsoft 365"]);
    for (const link of links) {
      expect(link.target).toBe("_blank");
      expect(link.rel).toBe("noopener noreferrer");
    }
    const google = new URL(links[0]!.href);
    expect(google.host).toBe("calendar.google.com");
    expect(google.searchParams.get("text")).toBe(name);
    expect(google.searchParams.get("dates")).toBe(`${daysAhead(9).replace(/-/g, "")}T183000/${daysAhead(9).replace(/-/g, "")}T193000`);
    expect(google.searchParams.get("ctz")).toBe("Europe/Lisbon");
    expect(google.searchParams.get("details")).toContain(`/i/${invitationId}?`);
    for (const link of links.slice(1)) {
      const outlook = new URL(link.href);
      expect(["outlook.live.com", "outlook.office.com"]).toContain(outlook.host);
      expect(outlook.searchParams.get("subject")).toBe(name);
      expect(outlook.searchParams.get("body")).toContain(`/i/${invitationId}?`);
    }
    await expect(page.getByText("These links open Google's or Microsoft's website and send it the conference's name, time and invitation link.")).toBeVisible();
  }
  // Links only: nothing was fetched from Google or Microsoft.
  expect([...hosts]).toEqual(["127.0.0.1"]);
});

test("a weekly series: Google gets the rule; Outlook's one-meeting links are not offered", async ({ page, request }) => {
  const response = await request.post("/api/v1/conferences", {
    data: { name: "Choir", start: `${daysAhead(5)}T19:00`, timeZone: "America/New_York", durationMinutes: 90, repeat: { every: 1, unit: "week", count: 12 } },
  });
  expect(response.status()).toBe(201);
  const { invitationId } = (await response.json()) as { invitationId: string };
  await page.goto(invitationPath(invitationId, "Choir"));
  const links = await webCalendarLinks(page);
  expect(links.map((link) => link.text)).toEqual(["Google Calendar"]);
  expect(new URL(links[0]!.href).searchParams.get("recur")).toBe("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=12");
});
