import { describe, expect, it } from "vitest";
import { clientAddress, requestBaseUrl } from "./request";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("requestBaseUrl", () => {
  it("prefers PUBLIC_URL", () => {
    expect(requestBaseUrl(h({ host: "evil.example" }), "https://planado.example.org")).toBe("https://planado.example.org");
  });
  it("otherwise uses the forwarded or direct host and scheme", () => {
    expect(requestBaseUrl(h({ host: "127.0.0.1:3000" }), undefined)).toBe("http://127.0.0.1:3000");
    expect(requestBaseUrl(h({ host: "internal:3000", "x-forwarded-host": "meet.example.org", "x-forwarded-proto": "https" }), undefined)).toBe(
      "https://meet.example.org",
    );
  });
  it("refuses a host header that is not a host name", () => {
    expect(requestBaseUrl(h({ host: "evil.example/<script>" }), undefined)).toBe("http://localhost");
  });
});

describe("clientAddress", () => {
  it("takes the entry the nearest proxy appended", () => {
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress(h({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientAddress(h({}))).toBe("unknown");
  });
});
