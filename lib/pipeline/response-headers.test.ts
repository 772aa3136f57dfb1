import { describe, expect, it } from "vitest";
import { answer } from "../http/answer";
import { adminIdOf, isCapabilityPath, looksUpId } from "./capability-paths";
import { finishAnswer, pipelineHeaders, varyTokens } from "./response-headers";

describe("the capability links", () => {
  it("are the invitation, admin and calendar links and the API's conference and invitation", () => {
    for (const path of [
      "/i/x",
      "/i/x/join",
      "/a/x",
      "/a/x/delete",
      "/a/x/join",
      "/calendar/x.ics",
      "/calendar/feed/x.ics",
      "/api/v1/conferences/x",
      "/api/v1/invitations/x",
    ])
      expect(isCapabilityPath(path), path).toBe(true);
    for (const path of ["/", "/api/v1/conferences", "/api/health", "/api/v1/openapi.json", "/_next/static/x.js", "/icon.svg", "/ia/x", "/calendar/"])
      expect(isCapabilityPath(path), path).toBe(false);
  });

  it("say which need the database (the calendar download is built from its link alone) and which admin id they name", () => {
    expect(["/i/x", "/a/x", "/calendar/feed/x.ics", "/api/v1/invitations/x"].every(looksUpId)).toBe(true);
    expect(looksUpId("/calendar/x.ics")).toBe(false);
    expect(looksUpId("/")).toBe(false);
    expect(adminIdOf("/a/abc/join")).toBe("abc");
    expect(adminIdOf("/i/abc")).toBeUndefined();
  });
});

describe("the pipeline's headers", () => {
  it("are private (no index, no shared cache) on capability links, not for search engines on the API, and neither elsewhere", () => {
    expect(pipelineHeaders("/a/x")).toMatchObject({ "X-Robots-Tag": "noindex, nofollow", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    expect(pipelineHeaders("/api/v1/conferences")).toMatchObject({ "X-Robots-Tag": "noindex, nofollow" });
    expect(pipelineHeaders("/api/v1/conferences")["Cache-Control"]).toBeUndefined();
    expect(pipelineHeaders("/")["X-Robots-Tag"]).toBeUndefined();
  });

  it("allow exactly the inline code the answer names, by nonce or by hash", () => {
    expect(pipelineHeaders("/", { nonce: "abc" })["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    const finished = finishAnswer("/i/x", { ...answer(200, { "Content-Type": "text/html" }, "<p>"), inline: { scriptHashes: ["'sha256-x'"] } });
    expect(finished.headers["content-security-policy"]).toContain("script-src 'self' 'sha256-x';");
    expect(finished.inline).toBeUndefined();
    expect(finishAnswer("/", answer(200, {})).headers["content-security-policy"]).toContain("script-src 'self';");
  });

  it("add the language to Vary once, except on the build's files", () => {
    expect(finishAnswer("/i/x", answer(200, { Vary: "Accept-Encoding" })).headers.vary).toBe("Accept-Encoding, Accept-Language");
    expect(finishAnswer("/i/x", answer(200, { Vary: "accept-language" })).headers.vary).toBe("accept-language");
    expect(finishAnswer("/i/x", answer(200, { Vary: "*" })).headers.vary).toBe("*");
    expect(varyTokens("/_next/static/chunks/x.js")).toEqual([]);
  });
});
