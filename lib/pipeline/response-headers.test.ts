import { describe, expect, it } from "vitest";
import { answer } from "../http/answer";
import { adminIdOf, isCapabilityPath, isFile, isQuiet, looksUpId } from "./capability-paths";
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

describe("files and quiet paths", () => {
  it("are the files (no page, no inline code) and, quiet too, the health check", () => {
    for (const path of [
      "/_next/static/x.js",
      "/_next/image",
      "/assets/participant-1.css",
      "/icon.svg",
      "/icon-512.png",
      "/apple-icon.png",
      "/manifest.webmanifest",
      "/favicon.ico",
      "/robots.txt",
    ])
      expect(isFile(path) && isQuiet(path), path).toBe(true);
    expect(isQuiet("/api/health") && !isFile("/api/health")).toBe(true);
    for (const path of ["/", "/icon.svgx", "/_next/imagex", "/robots.txt/x", "/a/x", "/api/healthy"]) expect(isQuiet(path), path).toBe(false);
  });
});

describe("the pipeline's headers", () => {
  it("are private (no index, no shared cache) on capability links, not for search engines on the API, and neither elsewhere", () => {
    expect(pipelineHeaders("/a/x")).toMatchObject({ "x-robots-tag": "noindex, nofollow", "cache-control": "no-store", "referrer-policy": "strict-origin" });
    expect(pipelineHeaders("/api/v1/conferences")).toMatchObject({ "x-robots-tag": "noindex, nofollow" });
    expect(pipelineHeaders("/api/v1/conferences")["cache-control"]).toBeUndefined();
    expect(pipelineHeaders("/")["x-robots-tag"]).toBeUndefined();
  });

  it("allow exactly the inline code the answer names, by nonce or by hash", () => {
    expect(pipelineHeaders("/", { nonce: "abc" })["content-security-policy"]).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    const finished = finishAnswer("/i/x", { ...answer(200, { "Content-Type": "text/html" }, "<p>"), inline: { scriptHashes: ["'sha256-x'"] } });
    expect(finished.headers["content-security-policy"]).toContain("script-src 'self' 'sha256-x';");
    expect(finished.inline).toBeUndefined();
    expect(finishAnswer("/", answer(200, {})).headers["content-security-policy"]).toContain("script-src 'self';");
  });

  it("add the language to Vary once, except on the build's files", () => {
    expect(finishAnswer("/i/x", answer(200, { Vary: "Accept-Encoding" })).headers.vary).toBe("Accept-Encoding, Accept-Language");
    expect(finishAnswer("/i/x", answer(200, { Vary: "accept-language" })).headers.vary).toBe("accept-language");
    expect(finishAnswer("/i/x", answer(200, { Vary: "*" })).headers.vary).toBe("*");
    for (const file of ["/_next/static/chunks/x.js", "/_next/image", "/assets/participant-0.css", "/favicon.ico", "/icon-192.png"])
      expect(varyTokens(file), file).toEqual([]);
  });
});
