import { describe, expect, it } from "vitest";
import { isFormPost, postSource } from "./origin";

/** Request headers as our server hands them on (lower-case names). */
const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("isFormPost", () => {
  it("is every write outside the API, whatever the method's case", () => {
    for (const [method, path] of [
      ["POST", "/"],
      ["post", "/a/x"],
      ["POST", "/a/x/join"],
      ["DELETE", "/a/x"],
      ["PUT", "/i/x"],
      ["POST", "/api"],
      ["POST", "/apiary"],
    ])
      expect(isFormPost(method!, path!), `${method} ${path}`).toBe(true);
  });

  it("is never a read, nor a write to the API", () => {
    for (const [method, path] of [
      ["GET", "/"],
      ["HEAD", "/a/x"],
      ["OPTIONS", "/"],
      ["POST", "/api/v1/conferences"],
      ["DELETE", "/api/v1/conferences/x"],
      ["POST", "/api/jitsi/conference"],
    ])
      expect(isFormPost(method!, path!), `${method} ${path}`).toBe(false);
  });
});

describe("postSource", () => {
  it("is ours when the Origin names the host and port the request came to", () => {
    expect(postSource(headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), undefined)).toBe("ours");
    expect(postSource(headers({ origin: "https://planado.test", host: "Planado.TEST" }), undefined)).toBe("ours");
    // A client may name the scheme's own port in Host; the browser never does in Origin.
    expect(postSource(headers({ origin: "https://planado.test", host: "planado.test:443" }), undefined)).toBe("ours");
    expect(postSource(headers({ origin: "http://[::1]:3000", host: "[::1]:3000" }), undefined)).toBe("ours");
  });

  it("is foreign for null, another host or port, several origins or nonsense", () => {
    const host = { host: "planado.test" };
    for (const origin of [
      "null",
      "https://evil.example",
      "https://planado.test.evil.example",
      "https://planado.test:8443",
      "https://planado.test@evil.example",
      "https://planado.test, https://evil.example",
      "file://",
      "planado.test",
      "x",
    ])
      expect(postSource(headers({ ...host, origin }), undefined), origin).toBe("foreign");
    // No host to compare with: nothing is ours but PUBLIC_URL.
    expect(postSource(headers({ origin: "https://planado.test" }), undefined)).toBe("foreign");
    expect(postSource(headers({ origin: "https://planado.test", host: "evil/x" }), undefined)).toBe("foreign");
  });

  it("believes X-Forwarded-Host over Host, as links do (our server keeps it only from a trusted proxy)", () => {
    const behind = { host: "127.0.0.1:3000", "x-forwarded-host": "planado.test, proxy.internal" };
    expect(postSource(headers({ ...behind, origin: "https://planado.test" }), undefined)).toBe("ours");
    expect(postSource(headers({ ...behind, origin: "http://127.0.0.1:3000" }), undefined)).toBe("foreign");
    expect(postSource(headers({ ...behind, origin: "https://proxy.internal" }), undefined)).toBe("foreign");
  });

  it("is foreign, where PUBLIC_URL names our address, when the Origin names only the request's host (DNS rebinding)", () => {
    // evil.example re-pointed at Planado's address: the browser sends that name as Host and Origin alike.
    expect(postSource(headers({ origin: "http://evil.example", host: "evil.example" }), "https://planado.example.org")).toBe("foreign");
    expect(postSource(headers({ origin: "http://evil.example", host: "evil.example" }), undefined)).toBe("ours");
  });

  it("is ours when the Origin is PUBLIC_URL's, whatever the request's host", () => {
    const request = { host: "127.0.0.1:3000" };
    expect(postSource(headers({ ...request, origin: "https://planado.example.org" }), "https://planado.example.org")).toBe("ours");
    expect(postSource(headers({ ...request, origin: "https://planado.example.org" }), "https://planado.example.org/meetings")).toBe("ours");
    expect(postSource(headers({ ...request, origin: "https://evil.example" }), "https://planado.example.org")).toBe("foreign");
    expect(postSource(headers({ ...request, origin: "https://planado.example.org" }), undefined)).toBe("foreign");
    expect(postSource(headers({ ...request, origin: "https://planado.example.org" }), "")).toBe("foreign");
  });

  it("reads the Referer when a browser sends no Origin, and is unnamed when neither says anything", () => {
    const request = { host: "planado.test" };
    expect(postSource(headers({ ...request, referer: "https://planado.test/a/x?n=Board" }), undefined)).toBe("ours");
    expect(postSource(headers({ ...request, referer: "https://evil.example/page" }), undefined)).toBe("foreign");
    expect(postSource(headers({ ...request, referer: "android-app://com.example/" }), undefined)).toBe("unnamed");
    expect(postSource(headers(request), undefined)).toBe("unnamed");
    expect(postSource(headers({ ...request, origin: " " }), undefined)).toBe("unnamed");
    // The Origin decides when there is one.
    expect(postSource(headers({ ...request, origin: "null", referer: "https://planado.test/" }), undefined)).toBe("foreign");
  });
});
