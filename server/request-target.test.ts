import { describe, expect, it } from "vitest";
import { checkTarget } from "./request-target";

const host = "planado.test";

describe("a request's target", () => {
  it("is not Next's image optimiser, which Planado does not use (it would fetch and log the page a query names)", () => {
    for (const target of [
      "/_next/image",
      "/_next/image?url=%2Fa%2Fsecret&w=64&q=75",
      "/_next/imagex?url=%2Fa%2Fsecret",
      "http://planado.test/_next/image?url=%2Fa%2Fx",
    ]) {
      const decision = checkTarget("GET", target, host, undefined);
      expect(decision.status === "refused" && decision.answer.status, target).toBe(404);
    }
  });

  it("is left as it is when it is a plain path", () => {
    for (const target of ["/", "/a/x", "/i/x?n=A+b&lang=de", "/_next/static/chunks/x.js", "/a/x?next=//y/"]) {
      expect(checkTarget("GET", target, host, undefined), target).toEqual({ status: "as-is" });
    }
  });

  it("is redirected, as Next would, when it has a trailing slash, an empty segment or a backslash; the query kept", () => {
    const cases = {
      "//x": "/x",
      "//evil.example/a": "/evil.example/a",
      "/a/x/": "/a/x",
      "/a//x?n=1": "/a/x?n=1",
      "/a\\x": "/a/x",
      "/\\evil.example": "/evil.example",
      "/i/x///": "/i/x",
    };
    for (const [target, location] of Object.entries(cases)) {
      const decision = checkTarget("GET", target, host, undefined);
      expect(decision.status, target).toBe("refused");
      if (decision.status !== "refused") continue;
      expect(decision.answer.status, target).toBe(308);
      expect(decision.answer.headers.location, target).toBe(location);
      expect(decision.path, target).toBe(location.split("?")[0]);
    }
  });

  it("in absolute form is taken for this host only", () => {
    expect(checkTarget("GET", "http://planado.test/a/x?n=1", host, undefined)).toEqual({ status: "rewritten", target: "/a/x?n=1" });
    expect(checkTarget("GET", "https://PLANADO.test", host, undefined)).toEqual({ status: "rewritten", target: "/" });
    for (const target of [
      "http://evil.example/i/x",
      "http://planado.test.evil.example/",
      "ftp://planado.test/",
      "planado.test/x",
      "http://planado.test@evil.example/",
    ]) {
      const decision = checkTarget("OPTIONS", target, host, undefined);
      expect(decision.status === "refused" && decision.answer.status, target).toBe(400);
    }
    expect(checkTarget("GET", "http://planado.test/", undefined, undefined).status).toBe("refused");
  });

  it("is refused for methods Next fails on", () => {
    for (const method of ["TRACE", "TRACK", "CONNECT"]) {
      const decision = checkTarget(method, "/", host, undefined);
      expect(decision.status === "refused" && decision.answer.status, method).toBe(405);
    }
  });

  it("is refused on a write whose Origin is no origin, or absurdly long", () => {
    for (const origin of ["x".repeat(12 * 1024), `https://${"a".repeat(400)}.example`, "https://planado.test/path", "javascript:alert(1)", "https://a b", ""]) {
      const decision = checkTarget("POST", "/a/x", host, origin);
      expect(decision.status === "refused" && decision.answer.status, origin.slice(0, 40)).toBe(400);
    }
    for (const origin of ["null", "https://planado.test", "http://127.0.0.1:3000", "http://[::1]:8080", "https://xn--bcher-kva.example"]) {
      expect(checkTarget("POST", "/a/x", host, origin).status, origin).toBe("as-is");
    }
    // Reads are not refused for it (a GET changes nothing, and browsers rarely send one).
    expect(checkTarget("GET", "/a/x", host, "x".repeat(2000)).status).toBe("as-is");
  });
});
