/**
 * The organizer's pages when the database is down: the friendly 503 that tries again by itself (in
 * the visitor's language), never the error page meant for bugs. The page that meets the database's
 * absence sends the visitor back to its own address, where the request pipeline answers the 503 (see
 * app/_shared/visitor.ts); a visitor who comes while the database is known down gets it at once.
 */
import { expect, test } from "@playwright/test";
import { newId } from "../lib/ids";
import { NO_DATABASE_PORT } from "./support/settings";

test.describe("when the database is down", () => {
  test.use({ baseURL: `http://127.0.0.1:${NO_DATABASE_PORT}` });

  for (const [what, path] of [
    ["the admin page", (id: string) => `/a/${id}?n=Maths`],
    ["the delete page", (id: string) => `/a/${id}/delete?lang=de`],
  ] as const) {
    test(`${what} answers the friendly 503`, async ({ request }) => {
      const address = path(newId());
      const response = await request.get(address);
      expect(response.status()).toBe(503);
      expect(response.headers()["retry-after"]).toBe("10");
      // Still the same address: reloading it is trying again.
      const answered = new URL(response.url());
      expect(answered.pathname + answered.search).toBe(address);
      const page = await response.text();
      expect(page).toContain(address.includes("lang=de") ? "Planado ist gerade nicht erreichbar" : "Planado is unavailable for a moment");
      expect(page).not.toMatch(/Something went wrong|Etwas ist schiefgegangen|Prisma|ECONNREFUSED/);
    });
  }
});
