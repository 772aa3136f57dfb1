/** The HTTP side of the API: bodies, CORS, answers (see lib/http/answer.ts). */
import { answer } from "../http/answer";
import type { Answer } from "../http/answer";
import { problem, PROBLEM_CONTENT_TYPE } from "../http/problem";
import type { Problem, ProblemType } from "../http/problem";
import type { Translate } from "../i18n/translate";

/** A booking is a few hundred bytes; anything over this is refused before it is read in full. */
export const MAX_BODY_BYTES = 16 * 1024;

/** (Not for search engines either: the request pipeline says so, lib/pipeline/response-headers.ts.) */
export const API_HEADERS = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Answer {
  return answer(status, { "Content-Type": "application/json", ...API_HEADERS, ...headers }, JSON.stringify(body));
}

export interface ProblemOptions {
  errors?: Record<string, string[]>;
  headers?: Record<string, string>;
  /** The client's language, for the title (English when not given). */
  t?: Translate;
}

export function problemAnswer(type: ProblemType, options: ProblemOptions = {}): Answer {
  const body: Problem = problem(type, options.errors, options.t);
  return answer(body.status, { "Content-Type": PROBLEM_CONTENT_TYPE, ...API_HEADERS, ...options.headers }, JSON.stringify(body));
}

export type BodyResult = { status: "read"; value: unknown } | { status: "refused"; answer: Answer };

/**
 * A request's body as text, read chunk by chunk and given up as soon as it passes `maxBytes` (a
 * Content-Length can lie, or be missing).
 */
export async function readBounded(request: Request, maxBytes: number): Promise<string | "too-large"> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return "too-large";
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a JSON body: 415 for another media type, 413 past MAX_BODY_BYTES, 400 if it does not parse. */
export async function readJsonBody(request: Request, t?: Translate): Promise<BodyResult> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && !type?.endsWith("+json")) return { status: "refused", answer: problemAnswer("unsupported-media-type", { t }) };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { status: "refused", answer: problemAnswer("body-too-large", { t }) };

  const body = await readBounded(request, MAX_BODY_BYTES);
  if (body === "too-large") return { status: "refused", answer: problemAnswer("body-too-large", { t }) };
  try {
    return { status: "read", value: JSON.parse(body) };
  } catch {
    return { status: "refused", answer: problemAnswer("invalid-json", { t }) };
  }
}

/** CORS headers for an allowed origin (or none, and the browser keeps the answer from the page). */
export function corsHeaders(origin: string | null, allowed: string[]): Record<string, string> {
  if (!origin || allowed.length === 0) return {};
  const match = allowed.includes("*") ? "*" : allowed.includes(origin) ? origin : undefined;
  if (!match) return {};
  return {
    "Access-Control-Allow-Origin": match,
    "Access-Control-Expose-Headers": "Location, ETag, Retry-After",
    Vary: "Origin",
  };
}

/** The answer to a CORS preflight. */
export function preflight(origin: string | null, allowed: string[], methods: string[]): Answer {
  const cors = corsHeaders(origin, allowed);
  const headers: Record<string, string> = { Allow: [...methods, "OPTIONS"].join(", "), ...API_HEADERS, ...cors };
  if (cors["Access-Control-Allow-Origin"]) {
    headers["Access-Control-Allow-Methods"] = [...methods, "OPTIONS"].join(", ");
    headers["Access-Control-Allow-Headers"] = "Content-Type, If-Match";
    headers["Access-Control-Max-Age"] = "600";
  }
  return answer(204, headers);
}

export function methodNotAllowed(methods: string[], t?: Translate): Answer {
  return problemAnswer("method-not-allowed", { headers: { Allow: [...methods, "OPTIONS"].join(", ") }, t });
}

/** ETag of a revision, and the revision an If-Match names (undefined: none; null: not one of ours). */
export function etag(revision: number): string {
  return `"r${revision}"`;
}

export function ifMatchRevision(request: Request): number | undefined | null {
  const header = request.headers.get("if-match")?.trim();
  // "*" asks only that the resource exists, which every change checks anyway.
  if (!header || header === "*") return undefined;
  const match = /^(?:W\/)?"r(\d{1,10})"$/.exec(header.trim());
  return match ? Number(match[1]) : null;
}
