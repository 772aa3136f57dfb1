/**
 * The API's endpoints, as functions from a request to an Answer (lib/http/answer.ts). They call the
 * same domain functions as the booking form (lib/conferences): one path for validation, ids and
 * storage. Route files in app/api/v1 and our own server (server/, for invitation look-ups) only hand
 * requests over.
 */
import { reportFailure, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../failures";
import { getConfig } from "../env";
import { processWide } from "../process-wide";
import type { Translate } from "../i18n/translate";
import { book, edit, findForAdmin, lookUpInvitation, remove } from "../conferences/operations";
import { bookingSchema, changesSchema } from "../conferences/schema";
import { invitationEntry } from "../conferences/entry";
import { roomAccess } from "../jitsi/access";
import { nameFromLink } from "../conferences/name";
import { answer, withHeaders } from "../http/answer";
import type { Answer } from "../http/answer";
import { corsHeaders, etag, ifMatchRevision, json, problemAnswer, readJsonBody } from "./http";
import { lookUpForVisitor } from "../security/misses";
import type { LookUp } from "../security/misses";
import { takeWrite } from "../security/writes";
import { RateLimiter } from "../security/rate-limit";
import { conferenceResource, invitationStatus } from "./resources";

export interface ApiContext {
  now: Date;
  baseUrl: string;
  /** The client's address, for rate limits only. */
  client: string;
  /** The Origin header, for CORS. */
  origin: string | null;
  /** The client's language (Accept-Language), for problem titles and validation messages. */
  t: Translate;
}

/** Reads: API look-ups per client per minute. Writes share one limit with the forms (../security/writes.ts). */
function lookUpLimiter(): RateLimiter {
  return processWide("planadoApiLookUps", () => new RateLimiter({ max: getConfig().API_LOOKUP_LIMIT_PER_MINUTE, windowMs: 60_000 }));
}

type Kind = "write" | "look-up";

/** Rate limit, CORS and failures around an endpoint. */
async function endpoint(ctx: ApiContext, kind: Kind, handle: () => Promise<Answer>): Promise<Answer> {
  const cors = corsHeaders(ctx.origin, getConfig().API_CORS_ORIGINS);
  const verdict = kind === "write" ? takeWrite(ctx.client) : lookUpLimiter().take(ctx.client);
  if (!verdict.allowed) return withHeaders(rateLimited(verdict.retryAfterSeconds, ctx.t), cors);
  try {
    return withHeaders(await handle(), cors);
  } catch (error) {
    const failure = reportFailure("API", error);
    if (failure.status === "unavailable") {
      return withHeaders(problemAnswer("unavailable", { t: ctx.t, headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } }), cors);
    }
    return withHeaders(problemAnswer("internal", { t: ctx.t }), cors);
  }
}

function rateLimited(retryAfterSeconds: number, t: Translate): Answer {
  return problemAnswer("rate-limited", { t, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/** A look-up's miss as the API says it: 404, or 429 once the client has missed too often. */
function missed(lookUp: Exclude<LookUp<unknown>, { status: "found" }>, t: Translate): Answer {
  return lookUp.status === "refused" ? rateLimited(lookUp.retryAfterSeconds, t) : problemAnswer("not-found", { t });
}

/** Fields the request may not send: the schema's own keys only, so typos do not pass silently. */
function unknownFields(body: Record<string, unknown>, known: string[], t: Translate): Record<string, string[]> | undefined {
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  return unknown.length ? Object.fromEntries(unknown.map((key) => [key, [t("errors.unknownField")]])) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON object body with only the `known` fields, or the problem answer (415, 413, 400 or 422). */
async function readObjectBody(
  request: Request,
  known: string[],
  t: Translate,
): Promise<{ status: "read"; value: Record<string, unknown> } | { status: "refused"; answer: Answer }> {
  const body = await readJsonBody(request, t);
  if (body.status === "refused") return body;
  if (!isObject(body.value)) return { status: "refused", answer: problemAnswer("validation", { errors: { body: [t("errors.notAnObject")] }, t }) };
  const unknown = unknownFields(body.value, known, t);
  if (unknown) return { status: "refused", answer: problemAnswer("validation", { errors: unknown, t }) };
  return { status: "read", value: body.value };
}

export function bookByApi(request: Request, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "write", async () => {
    const body = await readObjectBody(request, Object.keys(bookingSchema.shape), ctx.t);
    if (body.status === "refused") return body.answer;
    const outcome = await book({ from: "api", body: body.value }, ctx.now, ctx.t);
    if (outcome.status === "invalid") return problemAnswer("validation", { errors: outcome.errors, t: ctx.t });
    const resource = conferenceResource(outcome.conference, ctx.baseUrl, outcome.booking.name);
    return json(resource, 201, { Location: resource.links.self, ETag: etag(resource.revision) });
  });
}

export function readByApi(request: Request, adminId: string, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "look-up", async () => {
    const found = await lookUpForVisitor(ctx.client, () => findForAdmin(adminId));
    if (found.status !== "found") return missed(found, ctx.t);
    const conference = found.value;
    const name = nameFromLink(new URL(request.url).searchParams.get("name") ?? undefined);
    return json(conferenceResource(conference, ctx.baseUrl, name), 200, { ETag: etag(conference.revision) });
  });
}

/**
 * Changes start, zone, duration or repetition; the fields left out keep their values (see
 * mergeChanges). If-Match with the ETag makes it safe against a change made in between: 412 when the
 * revision moved on; without it, 409 when a change came in while this one was saved.
 */
export function editByApi(request: Request, adminId: string, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "write", async () => {
    const body = await readObjectBody(request, Object.keys(changesSchema.shape), ctx.t);
    if (body.status === "refused") return body.answer;
    const changes = body.value;
    const expected = ifMatchRevision(request);
    if (expected === null) return problemAnswer("precondition-failed", { t: ctx.t });
    const edited = await lookUpForVisitor(ctx.client, async () => {
      const outcome = await edit(adminId, expected, { from: "api", changes }, ctx.now, ctx.t);
      return outcome.status === "not-found" ? undefined : outcome;
    });
    if (edited.status !== "found") return missed(edited, ctx.t);
    const outcome = edited.value;
    if (outcome.status === "invalid") return problemAnswer("validation", { errors: outcome.errors, t: ctx.t });
    if (outcome.status === "conflict") return problemAnswer(expected === undefined ? "conflict" : "precondition-failed", { t: ctx.t });
    // The name is not stored: the answer carries it only when it was sent.
    const shownName = "name" in changes ? outcome.booking.name : undefined;
    return json(conferenceResource(outcome.conference, ctx.baseUrl, shownName), 200, { ETag: etag(outcome.conference.revision) });
  });
}

export function deleteByApi(adminId: string, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "write", async () => {
    const removed = await lookUpForVisitor(ctx.client, async () => (await remove(adminId)) || undefined);
    if (removed.status !== "found") return missed(removed, ctx.t);
    return answer(204, { "Cache-Control": "no-store" });
  });
}

export function readInvitationByApi(invitationId: string, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "look-up", async () => {
    const found = await lookUpForVisitor(ctx.client, () => lookUpInvitation(invitationId, ctx.now));
    if (found.status !== "found") return missed(found, ctx.t);
    const { conference, state } = found.value;
    const entry = invitationEntry(conference, state, roomAccess(), { now: ctx.now });
    // Where Jitsi enforces bookings, a meeting whose window is over is gone for participants.
    if (entry.kind === "over") return problemAnswer("not-found", { t: ctx.t });
    return json(invitationStatus(conference, entry));
  });
}
