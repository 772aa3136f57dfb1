/** The API and the calendar files speak the client's language (Accept-Language); the types stay stable. */
import { expect, test } from "@playwright/test";
import { daysAhead } from "../support/planado";

const german = { "Accept-Language": "de-DE,de;q=0.9,en;q=0.5" };

test("problem titles and field messages follow Accept-Language; the problem type does not", async ({ request }) => {
  const body = { name: "", start: `${daysAhead(3)}T25:00`, timeZone: "Mars/Olympus" };
  const inGerman = await request.post("/api/v1/conferences", { data: body, headers: german });
  expect(inGerman.status()).toBe(422);
  const problem = (await inGerman.json()) as { type: string; title: string; errors: Record<string, string[]> };
  expect(problem.type).toBe("urn:planado:problem:validation");
  expect(problem.title).toBe("Einige Felder sind ungültig; siehe errors.");
  expect(problem.errors.name).toEqual(["Geben Sie einen Namen für die Konferenz ein."]);
  expect(problem.errors.timeZone).toEqual(["Wählen Sie eine Zeitzone aus der Liste."]);

  // A language Planado does not speak: the next one asked for.
  const inEnglish = await request.post("/api/v1/conferences", { data: body, headers: { "Accept-Language": "ja, en;q=0.1" } });
  const english = (await inEnglish.json()) as { title: string; errors: Record<string, string[]> };
  expect(english.title).toBe("Some fields are not valid; see errors.");
  expect(english.errors.name).toEqual(["Enter a name for the conference."]);

  const inArabic = await request.post("/api/v1/conferences", { data: body, headers: { "Accept-Language": "ar-EG" } });
  const arabic = (await inArabic.json()) as { type: string; title: string };
  expect(arabic.type).toBe("urn:planado:problem:validation");
  expect(arabic.title).toMatch(/[\u0600-\u06FF]/);
  expect(arabic.title).not.toBe(english.title);

  const notFound = await request.get(`/api/v1/invitations/${"a".repeat(26)}`, { headers: german });
  expect(await notFound.json()).toMatchObject({ type: "urn:planado:problem:not-found", title: "Diese Konferenz gibt es nicht.", status: 404 });
  const wrongMethod = await request.put("/api/v1/conferences", { headers: german });
  expect(((await wrongMethod.json()) as { title: string }).title).toMatch(/Methode/);
});

test("the calendar file describes the event in the downloader's language", async ({ request }) => {
  const created = await request.post("/api/v1/conferences", { data: { name: "Lesekreis", start: `${daysAhead(4)}T19:00`, timeZone: "Europe/Berlin" } });
  const { links } = (await created.json()) as { links: { calendar: string } };
  const inGerman = await (await request.get(links.calendar, { headers: german })).text();
  expect(inGerman.replace(/\r\n /g, "")).toContain("DESCRIPTION:Zur Videokonferenz: ");
  const inEnglish = await (await request.get(links.calendar, { headers: { "Accept-Language": "en" } })).text();
  expect(inEnglish.replace(/\r\n /g, "")).toContain("DESCRIPTION:Join the video conference: ");
});
