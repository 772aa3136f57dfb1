/**
 * RFC 9457 problem details: every API error has a stable `type` (a URN that will not change), a
 * human `title`, the HTTP `status`, and for validation errors the messages per field.
 */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const PROBLEMS = {
  "invalid-json": { status: 400, title: "The request body is not valid JSON." },
  validation: { status: 422, title: "Some fields are not valid; see errors." },
  "not-found": { status: 404, title: "There is no such conference." },
  "method-not-allowed": { status: 405, title: "This method is not allowed here; see the Allow header." },
  "unsupported-media-type": { status: 415, title: "Send JSON, with Content-Type: application/json." },
  "body-too-large": { status: 413, title: "The request body is too large." },
  "precondition-failed": { status: 412, title: "The conference was changed since the revision in If-Match; read it again." },
  conflict: { status: 409, title: "The conference was changed at the same time; read it again and retry." },
  "rate-limited": { status: 429, title: "Too many requests; wait as long as Retry-After says." },
  unavailable: { status: 503, title: "The database does not answer; try again in a minute." },
  internal: { status: 500, title: "Something went wrong on our side." },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

export interface Problem {
  type: string;
  title: string;
  status: number;
  errors?: Record<string, string[]>;
}

export function problemType(type: ProblemType): string {
  return `urn:planado:problem:${type}`;
}

export function problem(type: ProblemType, errors?: Record<string, string[]>): Problem {
  const { status, title } = PROBLEMS[type];
  return { type: problemType(type), title, status, ...(errors ? { errors } : {}) };
}
