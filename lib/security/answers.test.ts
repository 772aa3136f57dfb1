import { describe, expect, it } from "vitest";
import { toResponse } from "../http/answer";
import { crossSiteRefusal, refusal, refusalTexts } from "./answers";

describe("refusal", () => {
  it("answers a page in the visitor's language, that reloads itself and says when to retry", async () => {
    const response = toResponse(refusal(503, "/i/abc", 10, "n0nce", "de"));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("10");
    const html = await response.text();
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain("<h1>Planado ist gerade nicht erreichbar</h1>");
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="10"></noscript>');
    expect(html).toContain('<script nonce="n0nce">setTimeout(function(){location.reload()},10000)</script>');
    expect(html).toContain('<style nonce="n0nce">');
  });

  it("says too many attempts in English by default", async () => {
    const html = await toResponse(refusal(429, "/a/abc", 30, "n", undefined)).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain("<h1>Too many attempts</h1>");
  });

  it("gives the API a problem document with a translated title", async () => {
    const response = toResponse(refusal(429, "/api/v1/conferences", 5, "n", "de"));
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ type: "urn:planado:problem:rate-limited", status: 429, title: expect.stringMatching(/Anfragen/) });
  });

  it("tells a cross-site post why in the visitor's language, and never retries it (the same post would be refused again)", async () => {
    expect(refusalTexts(403, 0, "de")).toEqual({ title: "Formular nicht angenommen", text: expect.stringMatching(/anderen Website/) });
    expect(refusalTexts(429, 0, "de").refreshSeconds).toBe(5);
    const response = toResponse(crossSiteRefusal("de", "<p>page</p>"));
    expect(response.status).toBe(403);
    expect(response.headers.get("Retry-After")).toBeNull();
    expect(response.headers.get("Content-Language")).toBe("de");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.text()).toBe("<p>page</p>");
  });
});
