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
  /**
   * The inline scripts and styles this answer's page needs (by nonce or by hash): the request
   * pipeline (lib/pipeline/) turns it into the Content-Security-Policy, the only place that writes one.
   */
  inline?: { nonce?: string; scriptHashes?: readonly string[] };
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

/** A list header's value (such as Vary) with `token` in it, once ("*" already names every token). */
export function withToken(list: string | undefined, token: string): string {
  const tokens = (list ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.some((t) => t === "*" || t.toLowerCase() === token.toLowerCase())) return tokens.join(", ");
  return [...tokens, token].join(", ");
}

/** The answer with `token` added to a list header such as Vary, once. */
export function appendToken(base: Answer, name: string, token: string): Answer {
  const key = name.toLowerCase();
  return { ...base, headers: { ...base.headers, [key]: withToken(base.headers[key], token) } };
}

export function toResponse(a: Answer): Response {
  const body = a.body === undefined || a.status === 204 || a.status === 304 ? null : typeof a.body === "string" ? a.body : new Uint8Array(a.body);
  return new Response(body, { status: a.status, headers: a.headers });
}
