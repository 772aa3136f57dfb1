/**
 * RFC 9457 problem details: every API error has a stable `type` (a URN that will not change), a
 * human `title` (in the client's Accept-Language), the HTTP `status`, and for validation errors the messages per field.
 */
import { english } from "../i18n/translate";
import type { Translate } from "../i18n/translate";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const PROBLEMS = {
  "invalid-json": { status: 400 },
  validation: { status: 422 },
  "not-found": { status: 404 },
  "method-not-allowed": { status: 405 },
  "unsupported-media-type": { status: 415 },
  "body-too-large": { status: 413 },
  "precondition-failed": { status: 412 },
  conflict: { status: 409 },
  "rate-limited": { status: 429 },
  unavailable: { status: 503 },
  internal: { status: 500 },
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

/** A problem, its title in the client's language (messages/*.json, "problems"). */
export function problem(type: ProblemType, errors?: Record<string, string[]>, t: Translate = english): Problem {
  const { status } = PROBLEMS[type];
  return { type: problemType(type), title: t(`problems.${type}`), status, ...(errors ? { errors } : {}) };
}
