/**
 * Requests to the Planado servers of the cluster run, as a client sends them (fetch), and what the
 * tests look for in the answers.
 */

export const PROBLEM_JSON = "application/problem+json";

/** Anything in a body that only a crash would put there: stack frames, driver or ORM internals. */
export const INTERNALS = /\n\s+at |\.tsx?:\d+|Prisma|mariadb|ECONNREFUSED|ECONNRESET|SQLState|sqlMessage/i;

/** A date some days ahead, as `start` wants it (YYYY-MM-DD). */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed, when it is JSON. */
  json: unknown;
  startedAt: number;
  endedAt: number;
}

/** One request to a Planado server; `redirect: "manual"` to read a redirect instead of following it. */
export async function request(
  base: string,
  method: string,
  path: string,
  options: { json?: unknown; headers?: Record<string, string>; redirect?: RequestRedirect } = {},
): Promise<Reply> {
  const startedAt = Date.now();
  const response = await fetch(`${base}${path}`, {
    method,
    redirect: options.redirect ?? "follow",
    headers: {
      "Accept-Language": "en",
      ...(options.json === undefined ? {} : { "Content-Type": "application/json" }),
      ...options.headers,
    },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let json: unknown;
  if (/json/.test(response.headers.get("content-type") ?? "")) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, headers: response.headers, text, json, startedAt, endedAt: Date.now() };
}

/** The path and query of a link one server handed out (http or webcal://), to ask another server with. */
export function pathOf(link: string): string {
  const url = new URL(link.replace(/^webcal:/, "http:"));
  return `${url.pathname}${url.search}`;
}

export interface BookingRequest {
  name: string;
  start: string;
  timeZone: string;
  durationMinutes: number;
  repeat?: { every: number; unit: "day" | "week" | "month" | "year"; count: number };
}
