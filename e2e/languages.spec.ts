import { expect, test } from "@playwright/test";
import { bookViaApi, daysAhead, invitationPath, rowByAdmin } from "./support/planado";

// A German browser: Accept-Language and navigator.language say de-DE.
test.describe("in German", () => {
  test.use({ locale: "de-DE" });

  test("a whole booking in German: book, copy, change, delete", async ({ page, context, browser, baseURL }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveTitle("Planado: eine Jitsi-Meet-Konferenz buchen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eine Jitsi-Meet-Konferenz im Voraus buchen");

    // A mistake first: the error speaks German too.
    await page.getByRole("button", { name: "Konferenz buchen" }).click();
    await expect(page.getByText("Geben Sie einen Namen für die Konferenz ein.")).toBeVisible();

    const date = daysAhead(12);
    await page.getByLabel("Name der Konferenz").fill("Chorprobe");
    await page.getByLabel("Datum").fill(date);
    await page.getByLabel("Beginn").fill("19:30");
    await page.getByLabel("Zeitzone").selectOption("Europe/Berlin");
    await page.getByLabel("Wiederholen", { exact: true }).selectOption({ label: "Alle 2 Wochen" });
    await page.getByLabel("Anzahl der Termine").fill("5");
    await page.getByRole("button", { name: "Konferenz buchen" }).click();

    await expect(page).toHaveURL(/\/a\/[a-z2-7]{26}\?n=Chorprobe&booked=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Ihre Konferenz ist gebucht." })).toBeVisible();
    // Dates in German, in the organizer's zone: "Dienstag, 8. Dezember 2026 um 19:30 (Europe/Berlin)".
    await expect(page.getByTestId("starts")).toHaveText(
      /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \S+ \d{4} um 19:30 \(Europe\/Berlin\)$/,
    );
    await expect(page.getByTestId("repeats")).toHaveText("Alle 2 Wochen: dieser Termin und 4 weitere");
    await expect(page.getByText("Halten Sie diesen Link geheim")).toBeVisible();
    const mailto = await page.getByRole("link", { name: "Per E-Mail senden" }).getAttribute("href");
    expect(decodeURIComponent(mailto!)).toContain("subject=Einladung: Chorprobe");

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Einladung kopieren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Kopiert" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("Sie sind zu einer Videokonferenz eingeladen: Chorprobe");
    expect(copied).toMatch(/Wann: \w+, \d+\. \S+ \d{4} um 19:30 \(Europe\/Berlin\)/);
    expect(copied).toContain("Wiederholung: Alle 2 Wochen: dieser Termin und 4 weitere");
    const invitationLink = await page.getByLabel("Einladungslink", { exact: true }).inputValue();
    // The invitation link carries no language: every participant reads it in their own.
    expect(invitationLink).not.toContain("lang=");

    // Change the time.
    const edit = page.getByRole("region", { name: "Konferenz ändern" });
    await edit.getByLabel("Beginn").fill("20:00");
    await edit.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Ihre Änderungen sind gespeichert." })).toBeVisible();
    await expect(page.getByTestId("starts")).toContainText("um 20:00 (Europe/Berlin)");

    // A participant whose browser speaks English reads the same invitation in English…
    const english = await browser.newContext({ locale: "en-US", baseURL });
    const participant = await english.newPage();
    await participant.goto(invitationLink);
    await expect(participant.locator("html")).toHaveAttribute("lang", "en");
    await expect(participant.getByText("Please wait")).toBeVisible();
    await expect(participant.getByTestId("organizer-time")).toContainText("at 20:00 (Europe/Berlin)");
    await english.close();

    // …and one whose browser speaks German, in German, with a German countdown.
    const german = await page.context().newPage();
    await german.goto(invitationLink);
    await expect(german.getByText("Bitte warten")).toBeVisible();
    await expect(german.getByTestId("countdown")).toHaveText(/^\d+ Tage(, \d+ Stunden?)?$/);
    await expect(german.getByText("alle 2 Wochen", { exact: true })).toBeVisible();
    await german.close();

    // Delete.
    await page.getByRole("link", { name: "Löschen …" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("„Chorprobe“ löschen?");
    await expect(page.getByText("und alle ihre späteren Termine")).toBeVisible();
    await page.getByRole("button", { name: "Ja, löschen" }).click();
    await expect(page.getByText("Die Konferenz wurde gelöscht.")).toBeVisible();
  });

  test("pages that say no say it in German", async ({ page }) => {
    const notFound = await page.goto("/i/aaaaaaaaaaaaaaaaaaaaaaaaaa");
    expect(notFound?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diese Einladung funktioniert nicht");
    await page.goto("/nothing-here");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nicht gefunden");
    await page.goto("/calendar/x.ics");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keine Kalenderdatei");
  });

  test("the link preview shows the name and the start, never the room", async ({ page, request }) => {
    const { adminId, invitationId } = await bookViaApi(request, { name: "Sommerfest", start: `${daysAhead(20)}T18:00`, timeZone: "Europe/Vienna" });
    const row = (await rowByAdmin(adminId))!;
    const html = await (await page.request.get(invitationPath(invitationId, "Sommerfest"), { headers: { "Accept-Language": "de" } })).text();
    expect(html).toContain('<meta property="og:title" content="Sommerfest"/>');
    expect(html).toMatch(/<meta property="og:description" content="Beginnt am \w+, \d+\. \S+ \d{4} um 18:00 \(Europe\/Vienna\)"\/>/);
    expect(html).toContain("<title>Sommerfest · Planado</title>");
    expect(html).not.toContain(row.room_id);
  });
});

test.describe("the language switcher", () => {
  // Without script, and with a browser that prefers English.
  test.use({ javaScriptEnabled: false, locale: "en-US" });

  test("switches without JavaScript or cookies, and the choice follows the visitor's own links", async ({ page, context }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const languages = page.getByRole("navigation", { name: "Language" });
    await expect(languages.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");
    await languages.getByRole("link", { name: "Deutsch" }).click();
    await expect(page).toHaveURL(/\/\?lang=de$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "Deutsch" })).toHaveAttribute("aria-current", "true");

    await page.getByLabel("Name der Konferenz").fill("Stammtisch");
    await page.getByLabel("Datum").fill(daysAhead(5));
    await page.getByLabel("Beginn").fill("18:00");
    await page.getByRole("button", { name: "Konferenz buchen" }).click();
    // The admin page stays German: the explicit choice travels in our own redirect.
    await expect(page).toHaveURL(/\/a\/[a-z2-7]{26}\?lang=de&n=Stammtisch&booked=1$/);
    await expect(page.getByText("Ihre Konferenz ist gebucht.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Löschen …" })).toHaveAttribute("href", /lang=de/);

    // Back to English on the same page, keeping its address.
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/a\/[a-z2-7]{26}\?lang=en&n=Stammtisch&booked=1$/);
    await expect(page.getByText("Your conference is booked.")).toBeVisible();

    expect(await context.cookies()).toEqual([]);
  });
});
