/** Writes an Answer (lib/http/answer.ts) to Node's response: compressed when it pays, no body for HEAD. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { withToken } from "@/lib/http/answer";
import type { Answer } from "@/lib/http/answer";

const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json))/;

/** Below this, gzip's header and the time it takes cost more than they save. */
const MIN_COMPRESS_BYTES = 1024;

/** Whether the client takes gzip (Accept-Encoding, RFC 9110: a q of 0 means no). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding = "", ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") return false;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    return q === undefined || Number(q) > 0;
  });
}

/** Bodies every visitor gets the same (the files browsers keep: "public" caching), compressed once. */
const compressedOnce = new WeakMap<Buffer, Buffer>();

function gzip(body: Buffer, shared: boolean): Buffer {
  if (!shared) return gzipSync(body, { level: 4 });
  let zipped = compressedOnce.get(body);
  // The whole file, once: the smallest it gets.
  if (!zipped) compressedOnce.set(body, (zipped = gzipSync(body, { level: 9 })));
  return zipped;
}

export function send(request: IncomingMessage, response: ServerResponse, answer: Answer): void {
  const headers = { ...answer.headers };
  // (A page kept as a Buffer goes out as it is, not copied.)
  let body = answer.body === undefined || Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body);
  if (body && body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(headers["content-type"] ?? "")) {
    headers.vary = withToken(headers.vary, "Accept-Encoding");
    if (acceptsGzip(request.headers["accept-encoding"])) {
      // Level 4: most of the saving at a fraction of the default level's time (see bench/README.md).
      body = gzip(body, Buffer.isBuffer(answer.body) && (headers["cache-control"] ?? "").startsWith("public"));
      headers["content-encoding"] = "gzip";
    }
  }
  headers["content-length"] = String(body?.length ?? 0);
  response.writeHead(answer.status, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}
