/**
 * How large and slow a request may be (./request-limits.ts), seen from outside our server with real
 * sockets and a stand-in Next that, like Next, copies a whole body before it answers: a body larger
 * than any endpoint accepts is refused before it is read, whatever its framing, in well under a
 * second and without the server keeping it; slow and abandoned requests never reach Next.
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { Server } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { assets } from "./fast-path-test-setup";

const { db } = await import("@/lib/db");
const { trustedProxyList, DEFAULT_TRUSTED_PROXIES } = await import("@/lib/address-range");
const { MAX_REQUEST_BODY_BYTES } = await import("@/lib/pipeline/limits");
const { requestListener } = await import("./request-listener");
const { continueUnlessTooLarge, serverOptions } = await import("./request-limits");

/** Short times, so the slow requests are refused within the test's patience; the sizes are the real ones. */
const limits = { maxBodyBytes: MAX_REQUEST_BODY_BYTES, headersTimeoutMs: 300, bodyTimeoutMs: 400 };

/** What the stand-in Next received: each request's path and body size. */
const handedToNext: { url: string; bytes: number; sha256: string; pieces: number }[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  const listener = requestListener({
    trusted: trustedProxyList(DEFAULT_TRUSTED_PROXIES),
    assets,
    limits,
    handleNext: (request, response) => {
      // As Next does before any route's own limit: the whole body, copied.
      const seen = { url: request.url!, bytes: -1, sha256: "", pieces: 0 };
      handedToNext.push(seen);
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks);
        seen.pieces = chunks.length;
        seen.bytes = body.length;
        seen.sha256 = createHash("sha256").update(body).digest("hex");
        response.writeHead(401).end("from Next");
      });
    },
  });
  server = createServer(serverOptions(limits), listener);
  server.on("checkContinue", continueUnlessTooLarge(listener, limits));
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

interface Exchange {
  /** The response's status line and headers, or "" if the server closed without one. */
  head: string;
  /** From the request's first byte to the response's head. */
  ms: number;
  /** Bytes of the body the client managed to write before it had its answer. */
  sent: number;
}

/**
 * Sends `head`, then up to `bodyBytes` of body (as it is, or chunked) as fast as the socket takes
 * it, until the server answers or closes; `stopAfter` bytes: the client then goes quiet (a trickle).
 */
function exchange(head: string, bodyBytes = 0, options: { chunked?: boolean; stopAfter?: number; abortAfter?: number } = {}): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1");
    let received = "";
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      const end = received.indexOf("\r\n\r\n");
      resolve({ head: end === -1 ? "" : received.slice(0, end), ms: performance.now() - started, sent });
    };
    const write = () => {
      const limit = Math.min(bodyBytes, options.stopAfter ?? Infinity, options.abortAfter ?? Infinity);
      if (!done && sent < limit) {
        // One piece a turn, as a client on another machine would: the server gets its turns to read.
        const size = Math.min(piece.length, limit - sent);
        const data = !options.chunked ? piece.subarray(0, size) : size === piece.length ? framed : frame(piece.subarray(0, size));
        sent += size;
        if (socket.write(data)) setImmediate(write);
        else socket.once("drain", write);
        return;
      }
      if (options.abortAfter !== undefined && sent >= options.abortAfter) return setImmediate(() => socket.destroy());
      if (options.chunked && sent >= bodyBytes) socket.write("0\r\n\r\n");
    };
    socket.on("data", (data: Buffer) => {
      received += data.toString("latin1");
      if (received.includes("\r\n\r\n")) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    socket.write(head, write);
  });
}

/** The body's pieces, made once: the client's own garbage would show in the process's memory. */
const piece = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7) % 251));
const frame = (data: Buffer) => Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]);
const framed = frame(piece);

const post = (path: string, headers: string) => `POST ${path} HTTP/1.1\r\nHost: planado.test\r\n${headers}\r\n`;
const MB = 1024 * 1024;
const big = Math.round(9.5 * MB);

describe("a request body", () => {
  it("larger than any endpoint accepts is refused by its Content-Length before it is read: 16 at once, each within a second, the memory unchanged", async () => {
    const rssBefore = process.memoryUsage().rss;
    const answers = await Promise.all(Array.from({ length: 16 }, () => exchange(post("/api/jitsi/conference", `Content-Length: ${big}\r\n`), big)));
    const grown = process.memoryUsage().rss - rssBefore;
    for (const { head, ms, sent } of answers) {
      expect(head).toMatch(/^HTTP\/1\.1 413 /);
      expect(head).toMatch(/content-type: application\/problem\+json/i);
      expect(head).toMatch(/referrer-policy: /i);
      expect(ms).toBeLessThan(1000);
      expect(sent).toBeLessThan(big);
    }
    expect(handedToNext).toEqual([]);
    expect(grown).toBeLessThan(20 * MB);
  });

  it("larger than any endpoint accepts is refused as it is counted when it comes in chunks: 16 at once, each within a second", async () => {
    const rssBefore = process.memoryUsage().rss;
    const answers = await Promise.all(Array.from({ length: 16 }, () => exchange(post("/a/x", "Transfer-Encoding: chunked\r\n"), big, { chunked: true })));
    const grown = process.memoryUsage().rss - rssBefore;
    for (const { head, ms } of answers) {
      expect(head).toMatch(/^HTTP\/1\.1 413 /);
      expect(head).toMatch(/cache-control: no-store/i);
      expect(ms).toBeLessThan(1000);
    }
    expect(handedToNext).toEqual([]);
    expect(grown).toBeLessThan(20 * MB);
  });

  it("sent a byte a chunk is held in one buffer, not an object per byte (some 200 bytes each, for as long as it is held)", async () => {
    const bytes = 30_000;
    const head = post("/a/x", "Transfer-Encoding: chunked\r\n");
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () =>
        socket.write(Buffer.concat([Buffer.from(head), Buffer.from("1\r\nA\r\n".repeat(bytes)), Buffer.from("0\r\n\r\n")])),
      );
      socket.on("data", () => socket.destroy());
      socket.on("close", () => resolve());
    });
    expect(handedToNext).toHaveLength(1);
    expect(handedToNext[0]!.bytes).toBe(bytes);
    expect(handedToNext[0]!.pieces).toBe(1);
  });

  it("within the limit reaches Next whole, by length or in chunks", async () => {
    const atLimit = await exchange(post("/a/x", `Content-Length: ${MAX_REQUEST_BODY_BYTES}\r\n`), MAX_REQUEST_BODY_BYTES);
    expect(atLimit.head).toMatch(/^HTTP\/1\.1 401 /);
    const chunked = await exchange(post("/", "Transfer-Encoding: chunked\r\n"), MAX_REQUEST_BODY_BYTES - 1, { chunked: true });
    expect(chunked.head).toMatch(/^HTTP\/1\.1 401 /);
    const over = await exchange(post("/", "Transfer-Encoding: chunked\r\n"), MAX_REQUEST_BODY_BYTES + 1, { chunked: true });
    expect(over.head).toMatch(/^HTTP\/1\.1 413 /);
    const sha256 = (bytes: number) => createHash("sha256").update(piece.subarray(0, bytes)).digest("hex");
    expect(handedToNext).toEqual([
      { url: "/a/x", bytes: MAX_REQUEST_BODY_BYTES, sha256: sha256(MAX_REQUEST_BODY_BYTES), pieces: 1 },
      { url: "/", bytes: MAX_REQUEST_BODY_BYTES - 1, sha256: sha256(MAX_REQUEST_BODY_BYTES - 1), pieces: 1 },
    ]);
  });

  it("announced with Expect: 100-continue is invited only when it may be accepted", async () => {
    const large = await exchange(post("/", `Content-Length: ${big}\r\nExpect: 100-continue\r\n`));
    expect(large.head).toMatch(/^HTTP\/1\.1 413 /);
    const small = await exchange(post("/", "Content-Length: 10\r\nExpect: 100-continue\r\n"));
    expect(small.head).toMatch(/^HTTP\/1\.1 100 /);
  });

  it("that stops arriving is refused after its time, whatever its framing, and Next never sees it", async () => {
    const slow = await exchange(post("/", "Content-Length: 1000\r\n"), 1000, { stopAfter: 10 });
    expect(slow.head).toMatch(/^HTTP\/1\.1 408 /);
    expect(slow.ms).toBeLessThan(limits.bodyTimeoutMs + 300);
    const chunked = await exchange(post("/", "Transfer-Encoding: chunked\r\n"), 1000, { chunked: true, stopAfter: 10 });
    expect(chunked.head).toMatch(/^HTTP\/1\.1 408 /);
    expect(handedToNext).toEqual([]);
  });

  it("abandoned half-way never reaches Next and writes no log line", async () => {
    const logs = [vi.spyOn(console, "error"), vi.spyOn(console, "warn"), vi.spyOn(console, "log")];
    for (const chunked of [false, true]) {
      const head = post("/", chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 50000\r\n");
      expect((await exchange(head, 50_000, { chunked, abortAfter: 20_000 })).head).toBe("");
    }
    // The server has seen the ends (a request it still answers would show here).
    await new Promise<void>((resolve) => server.getConnections((_error, count) => (count === 0 ? resolve() : setImmediate(resolve))));
    expect(handedToNext).toEqual([]);
    for (const log of logs) expect(log).not.toHaveBeenCalled();
  });
});

describe("a request's head", () => {
  it("that stops arriving is refused after its time", async () => {
    const slow = await exchange("GET / HTTP/1.1\r\nHost: planado.test\r\nX-Slow: ");
    expect(slow.head).toMatch(/^HTTP\/1\.1 408 /);
    expect(slow.ms).toBeLessThan(limits.headersTimeoutMs + 300);
  });

  it("larger than 8 kB is refused with 431", async () => {
    const large = await exchange(`GET / HTTP/1.1\r\nHost: planado.test\r\nX-Large: ${"a".repeat(8 * 1024)}\r\n\r\n`);
    expect(large.head).toMatch(/^HTTP\/1\.1 431 /);
    const fine = await exchange(`GET / HTTP/1.1\r\nHost: planado.test\r\nX-Large: ${"a".repeat(6 * 1024)}\r\n\r\n`);
    expect(fine.head).toMatch(/^HTTP\/1\.1 401 /);
  });
});
