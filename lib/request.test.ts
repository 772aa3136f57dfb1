import { describe, expect, it } from "vitest";
import { CLIENT_HEADER, nodeHeaders, requestBaseUrl, requestClient } from "./request";

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
  it("refuses a host header that is not a host name, without failing", () => {
    expect(requestBaseUrl(h({ host: "evil.example/<script>" }), undefined)).toBe("http://localhost");
    expect(requestBaseUrl(h({ host: "planado.test", "x-forwarded-host": "[x" }), undefined)).toBe("http://localhost");
    expect(requestBaseUrl(h({ host: "[::1]:3000" }), undefined)).toBe("http://[::1]:3000");
  });
  it("reads Node's own request headers too", () => {
    expect(requestBaseUrl(nodeHeaders({ host: "a.example:8080", "x-forwarded-proto": ["https", "http"] }), undefined)).toBe("https://a.example:8080");
  });
});

describe("requestClient", () => {
  it("is the client our server put in its own header, and nothing a client can say elsewhere", () => {
    expect(requestClient(h({ [CLIENT_HEADER]: "198.51.100.7" }))).toBe("198.51.100.7");
    expect(requestClient(h({ "x-forwarded-for": "203.0.113.9" }))).toBe("unknown");
  });
});
