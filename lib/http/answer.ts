/**
 * An HTTP answer as plain data: what a door decided, before any server writes it. Both ways into
 * Planado send the same answers: Next's route handlers and proxy turn them into web Responses
 * (toResponse), our own server writes them to Node's response (server/send.ts). Pure: no framework.
 */
export interface Answer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export function answer(status: number, headers: Record<string, string>, body?: string | Uint8Array): Answer {
  return { status, headers: lowerCaseKeys(headers), ...(body === undefined ? {} : { body }) };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}

/** The answer with more headers (replacing those of the same name). */
export function withHeaders(base: Answer, headers: Record<string, string>): Answer {
  return { ...base, headers: { ...base.headers, ...lowerCaseKeys(headers) } };
}

/** Adds a token to a list header such as Vary, once. */
export function appendToken(base: Answer, name: string, token: string): Answer {
  const key = name.toLowerCase();
  const tokens = (base.headers[key] ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.some((t) => t.toLowerCase() === token.toLowerCase())) return base;
  return { ...base, headers: { ...base.headers, [key]: [...tokens, token].join(", ") } };
}

export function toResponse(a: Answer): Response {
  const body = a.body === undefined || a.status === 204 || a.status === 304 ? null : typeof a.body === "string" ? a.body : new Uint8Array(a.body);
  return new Response(body, { status: a.status, headers: a.headers });
}
