/**
 * What our server refuses or redirects itself before Next (./request-target.ts), with real sockets
 * and a stand-in Next: Next's own redirects come from our server with the pipeline's headers, a
 * request for another host is refused, and requests Next would fail on or log at length are refused
 * quietly.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { assets } from "./fast-path-test-setup";

const { db } = await import("@/lib/db");
const { trustedProxyList, DEFAULT_TRUSTED_PROXIES } = await import("@/lib/address-range");
const { requestListener } = await import("./request-listener");
const { serverOptions } = await import("./request-limits");

const handedToNext: string[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  const listener = requestListener({
    trusted: trustedProxyList(DEFAULT_TRUSTED_PROXIES),
    assets,
    handleNext: (request, response) => {
      handedToNext.push(request.url!);
      request.resume();
      request.on("end", () => response.writeHead(200).end("from Next"));
    },
  });
  server = createServer(serverOptions(), listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

beforeEach(() => {
  handedToNext.length = 0;
});

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  server.close();
  await db().$disconnect();
});

/** Sends a raw request (fetch cannot send these request lines) and reads the answer's head as name → value, status under ":status". */
function raw(requestLine: string, headers: Record<string, string> = {}, body = ""): Promise<Record<string, string>> {
  const head = Object.entries({ Host: "planado.test", ...headers, ...(body ? { "Content-Length": String(body.length) } : {}) })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${requestLine} HTTP/1.1\r\n${head}Connection: close\r\n\r\n${body}`));
    let received = "";
    socket.on("data", (data: Buffer) => (received += data.toString("latin1")));
    socket.on("error", reject);
    socket.on("end", () => {
      const [status, ...lines] = received.split("\r\n\r\n")[0]!.split("\r\n");
      const parsed: Record<string, string> = { ":status": status!.split(" ")[1]! };
      for (const line of lines) parsed[line.slice(0, line.indexOf(":")).toLowerCase()] = line.slice(line.indexOf(":") + 1).trim();
      resolve(parsed);
    });
  });
}

describe("what Next would redirect itself", () => {
  it("is redirected by our server, with the pipeline's headers and the query", async () => {
    const redirects = { "//x": "/x", "/a/abcdefghijklmnopqrstuv/": "/a/abcdefghijklmnopqrstuv", "/i/x//join?n=Jane": "/i/x/join?n=Jane", "/a\\x": "/a/x" };
    for (const [target, location] of Object.entries(redirects)) {
      const answer = await raw(`GET ${target}`);
      expect(answer[":status"], target).toBe("308");
      expect(answer.location, target).toBe(location);
      expect(answer["referrer-policy"], target).toBeTruthy();
      expect(answer["x-content-type-options"], target).toBe("nosniff");
    }
    // A capability link's redirect is kept by nobody.
    expect((await raw("GET /a/abcdefghijklmnopqrstuv/"))["cache-control"]).toBe("no-store");
    expect((await raw("GET /i/x/"))["cache-control"]).toBe("no-store");
    expect(handedToNext).toEqual([]);
  });
});

describe("an absolute-form request target", () => {
  it("for another host is refused, never redirected to it", async () => {
    for (const method of ["OPTIONS", "GET", "POST"]) {
      const answer = await raw(`${method} http://evil.example/i/x`);
      expect(answer[":status"], method).toBe("400");
      expect(answer.location, method).toBeUndefined();
    }
    expect(handedToNext).toEqual([]);
  });

  it("for this host reaches Next as a path", async () => {
    expect((await raw("GET http://planado.test/a/x?lang=de"))[":status"]).toBe("200");
    expect(handedToNext).toEqual(["/a/x?lang=de"]);
  });
});

describe("requests Next would fail on or log at length", () => {
  it("are refused before Next without a log line: TRACE and TRACK, and a write with an absurd Origin", async () => {
    const logs = [vi.spyOn(console, "error"), vi.spyOn(console, "warn"), vi.spyOn(console, "log")];
    const trace = await raw("TRACE /a/x");
    expect(trace[":status"]).toBe("405");
    expect(trace.allow).toContain("GET");
    // Node's parser knows no TRACK: it answers 400 itself (the refusal is there for a parser that would).
    expect((await raw("TRACK /a/x"))[":status"]).toMatch(/^40[05]$/);
    const absurd = await raw("POST /a/x", { Origin: `https://${"a".repeat(7000)}`, "Content-Type": "text/plain" }, "x");
    expect(absurd[":status"]).toBe("400");
    expect((await raw("POST /a/x", { Origin: "https://planado.test/a/x" }, "x"))[":status"]).toBe("400");
    expect(handedToNext).toEqual([]);
    for (const log of logs) expect(log).not.toHaveBeenCalled();
    // A real origin passes this check (whether a form may be posted from it is admission's: lib/pipeline/admission.ts).
    for (const origin of ["https://planado.test", "null"]) expect((await raw("POST /a/x", { Origin: origin }, "x"))[":status"], origin).not.toBe("400");
  });
});
