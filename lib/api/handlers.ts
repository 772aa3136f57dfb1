/**
 * The API's endpoints, as functions from a request to an Answer (lib/http/answer.ts). They call the
 * same domain functions as the booking form (lib/conferences): one path for validation, ids and
 * storage. Route files in app/api/v1 and our own server (server/, for invitation look-ups) only hand
 * requests over.
 */
import { isDatabaseError } from "../database-errors";
import { getConfig } from "../env";
import { processWide } from "../process-wide";
import type { Translate } from "../i18n/translate";
import { book, findByAdminId, lookUpInvitation, remove, saveSchedule } from "../conferences";
import { bookingSchema, validateBooking } from "../conferences/schema";
import { invitationEntry } from "../conferences/entry";
import { roomAccess } from "../jitsi/access";
import { nameFromLink } from "../conferences/name";
import { answer, withHeaders } from "../http/answer";
import type { Answer } from "../http/answer";
import { corsHeaders, etag, ifMatchRevision, json, problemAnswer, readJsonBody } from "./http";
import { lookUpForVisitor } from "../security/misses";
import type { LookUp } from "../security/misses";
import { takeWrite } from "../security/writes";
import { RateLimiter } from "./rate-limit";
import { conferenceResource, invitationStatus, patchSchema } from "./resources";

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
function lookupLimiter(): RateLimiter {
  return processWide("planadoApiLookups", () => new RateLimiter({ max: getConfig().API_LOOKUP_LIMIT_PER_MINUTE, windowMs: 60_000 }));
}

type Kind = "write" | "lookup";

/** Rate limit, CORS and failures around an endpoint. */
async function endpoint(ctx: ApiContext, kind: Kind, handle: () => Promise<Answer>): Promise<Answer> {
  const cors = corsHeaders(ctx.origin, getConfig().API_CORS_ORIGINS);
  const verdict = kind === "write" ? takeWrite(ctx.client) : lookupLimiter().take(ctx.client);
  if (!verdict.allowed) return withHeaders(rateLimited(verdict.retryAfterSeconds, ctx.t), cors);
  try {
    return withHeaders(await handle(), cors);
  } catch (error) {
    if (isDatabaseError(error)) return withHeaders(problemAnswer("unavailable", { t: ctx.t, headers: { "Retry-After": "10" } }), cors);
    console.error(`[planado] API error: ${error instanceof Error ? error.name : "unknown"}`);
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
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; answer: Answer }> {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body;
  if (!isObject(body.value)) return { ok: false, answer: problemAnswer("validation", { errors: { body: [t("errors.notAnObject")] }, t }) };
  const unknown = unknownFields(body.value, known, t);
  if (unknown) return { ok: false, answer: problemAnswer("validation", { errors: unknown, t }) };
  return { ok: true, value: body.value };
}

export function createConference(request: Request, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "write", async () => {
    const body = await readObjectBody(request, Object.keys(bookingSchema.shape), ctx.t);
    if (!body.ok) return body.answer;
    const outcome = await book(body.value, ctx.now, ctx.t);
    if (!outcome.ok) return problemAnswer("validation", { errors: outcome.errors, t: ctx.t });
    const resource = conferenceResource(outcome.conference, ctx.baseUrl, outcome.booking.name);
    return json(resource, 201, { Location: resource.links.self, ETag: etag(resource.revision) });
  });
}

export function readConference(request: Request, adminId: string, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "lookup", async () => {
    const found = await lookUpForVisitor(ctx.client, () => findByAdminId(adminId));
    if (found.status !== "found") return missed(found, ctx.t);
    const conference = found.value;
    const name = nameFromLink(new URL(request.url).searchParams.get("name") ?? undefined);
    return json(conferenceResource(conference, ctx.baseUrl, name), 200, { ETag: etag(conference.revision) });
  });
}

/**
 * Changes start, zone, duration or repetition; the fields left out keep their values (a new zone
 * alone keeps the wall-clock start). If-Match with the ETag makes it safe against a change made in
 * between: 412 when the revision moved on.
 */
export function patchConference(request: Request, adminId: string, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "write", async () => {
    const body = await readObjectBody(request, Object.keys(patchSchema.shape), ctx.t);
    if (!body.ok) return body.answer;
    const changes = body.value;

    const expected = ifMatchRevision(request);
    if (expected === null) return problemAnswer("precondition-failed", { t: ctx.t });
    const found = await lookUpForVisitor(ctx.client, () => findByAdminId(adminId));
    if (found.status !== "found") return missed(found, ctx.t);
    const current = found.value;
    if (expected !== undefined && expected !== current.revision) return problemAnswer("precondition-failed", { t: ctx.t });

    // (Validation needs a name; one that was not sent is not changed, and the answer carries none.)
    const name = typeof changes.name === "string" ? changes.name : ctx.t("form.instantName");
    const merged = {
      name,
      start: changes.start ?? current.localStart,
      timeZone: changes.timeZone ?? current.timeZone,
      durationMinutes: changes.durationMinutes ?? current.durationMinutes,
      repeat:
        changes.repeat === undefined
          ? current.repeat && { ...current.repeat, count: current.remainingOccurrences + 1 }
          : changes.repeat,
    };
    const validation = validateBooking(merged, { now: ctx.now, unchangedStart: current.startsAt, t: ctx.t });
    if (!validation.ok) {
      const errors = "name" in changes ? validation.errors : Object.fromEntries(Object.entries(validation.errors).filter(([k]) => k !== "name"));
      return problemAnswer("validation", { errors, t: ctx.t });
    }
    const outcome = await saveSchedule(adminId, current.revision, validation.value);
    if (outcome.status === "not-found") return problemAnswer("not-found", { t: ctx.t });
    if (outcome.status === "conflict") return problemAnswer(expected === undefined ? "conflict" : "precondition-failed", { t: ctx.t });
    const shownName = typeof changes.name === "string" ? validation.value.name : undefined;
    return json(conferenceResource(outcome.conference, ctx.baseUrl, shownName), 200, { ETag: etag(outcome.conference.revision) });
  });
}

export function deleteConferenceApi(adminId: string, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "write", async () => {
    const removed = await lookUpForVisitor(ctx.client, async () => (await remove(adminId)) || undefined);
    if (removed.status !== "found") return missed(removed, ctx.t);
    return answer(204, { "Cache-Control": "no-store" });
  });
}

export function readInvitation(invitationId: string, ctx: ApiContext): Promise<Answer> {
  return endpoint(ctx, "lookup", async () => {
    const found = await lookUpForVisitor(ctx.client, () => lookUpInvitation(invitationId, ctx.now));
    if (found.status !== "found") return missed(found, ctx.t);
    const { conference, state } = found.value;
    const entry = invitationEntry(conference, state, roomAccess(), { now: ctx.now });
    // Where Jitsi enforces bookings, a meeting whose window is over is gone for participants.
    if (entry.kind === "over") return problemAnswer("not-found", { t: ctx.t });
    return json(invitationStatus(conference, entry));
  });
}

