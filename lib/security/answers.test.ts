import { describe, expect, it } from "vitest";
import { toResponse } from "../http/answer";
import { refusal } from "./answers";

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
});
