import { describe, expect, it } from "vitest";
import { corsHeaders, ifMatchRevision, MAX_BODY_BYTES, readJsonBody } from "./http";

function post(body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://planado.test/api/v1/conferences", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

function chunked(text: string, chunkSize = 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunkSize));
      at += chunkSize;
    },
  });
}

async function statusOf(request: Request) {
  const result = await readJsonBody(request);
  return result.status === "read" ? 200 : result.answer.status;
}

describe("readJsonBody", () => {
  it("reads JSON, also as application/*+json with a charset", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ status: "read", value: { a: 1 } });
    expect(await statusOf(post('{"a":1}', { "content-type": "application/merge-patch+json; charset=utf-8" }))).toBe(200);
  });

  it("refuses other media types with 415", async () => {
    expect(await statusOf(post('{"a":1}', { "content-type": "text/plain" }))).toBe(415);
    expect(await statusOf(post('{"a":1}', {}))).toBe(415);
  });

  it("refuses a body over the limit with 413, even one sent in chunks without a length", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) });
    expect(await statusOf(post(big))).toBe(413);
    const request = post(chunked(big));
    expect(request.headers.get("content-length")).toBeNull();
    expect(await statusOf(request)).toBe(413);
    expect(await statusOf(post(chunked(JSON.stringify({ name: "x".repeat(1000) }))))).toBe(200);
  });

  it("says 400 when the JSON does not parse", async () => {
    expect(await statusOf(post("{ nope"))).toBe(400);
    expect(await statusOf(post(""))).toBe(400);
  });
});

describe("corsHeaders", () => {
  it("echoes an allowed origin, or * when everyone is allowed, and nothing otherwise", () => {
    expect(corsHeaders("https://a.example", ["https://a.example"])["Access-Control-Allow-Origin"]).toBe("https://a.example");
    expect(corsHeaders("https://b.example", ["*"])["Access-Control-Allow-Origin"]).toBe("*");
    expect(corsHeaders("https://b.example", ["https://a.example"])).toEqual({});
    expect(corsHeaders(null, ["*"])).toEqual({});
    expect(corsHeaders("https://a.example", [])).toEqual({});
  });
});

describe("ifMatchRevision", () => {
  const withIfMatch = (value?: string) => new Request("http://planado.test/", value ? { headers: { "if-match": value } } : {});
  it("reads our ETags and tells a foreign one apart", () => {
    expect(ifMatchRevision(withIfMatch())).toBeUndefined();
    expect(ifMatchRevision(withIfMatch('"r12"'))).toBe(12);
    expect(ifMatchRevision(withIfMatch('W/"r3"'))).toBe(3);
    expect(ifMatchRevision(withIfMatch('"abc"'))).toBeNull();
    expect(ifMatchRevision(withIfMatch("*"))).toBeUndefined();
  });
});
