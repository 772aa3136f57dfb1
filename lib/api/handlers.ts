/**
 * The API's endpoints, as functions from a web Request to a Response. They call the same domain
 * functions as the booking form (lib/conferences): one path for validation, ids and storage. Route
 * files in app/api/v1 only hand requests over.
 */
import { getConfig } from "../env";
import type { Translate } from "../i18n/translate";
import { book, findByAdminId, lookUpInvitation, remove, saveSchedule } from "../conferences";
import { bookingSchema, validateBooking } from "../conferences/schema";
import { nameFromLink } from "../conferences/name";
import { corsHeaders, etag, ifMatchRevision, json, problemResponse, readJsonBody, withHeaders } from "./http";
import { lookUpForVisitor, lookupAllowed } from "../security/misses";
import { RateLimiter } from "./rate-limit";
import type { Limit } from "./rate-limit";
import { conferenceResource, openInvitation, patchSchema } from "./resources";

export interface ApiContext {
  now: Date;
  baseUrl: string;
  /** The client's address, for rate limits only. */
  client: string;
  /** The client's language (Accept-Language), for problem titles and validation messages. */
  t: Translate;
}

type Limiters = { create: RateLimiter; lookup: RateLimiter };
let limiters: Limiters | undefined;

function rateLimiters(): Limiters {
  const config = getConfig();
  const per = (max: number, windowMs: number): Limit => ({ max, windowMs });
  limiters ??= {
    create: new RateLimiter(per(config.API_CREATE_LIMIT_PER_HOUR, 3_600_000)),
    lookup: new RateLimiter(per(config.API_LOOKUP_LIMIT_PER_MINUTE, 60_000)),
  };
  return limiters;
}

function isDatabaseFailure(error: unknown): boolean {
  return error instanceof Error && (error.name.startsWith("PrismaClient") || "sqlState" in error);
}

/** Rate limit, CORS and failures around an endpoint. */
async function endpoint(request: Request, ctx: ApiContext, limit: keyof Limiters, handle: () => Promise<Response>): Promise<Response> {
  const cors = corsHeaders(request.headers.get("origin"), getConfig().API_CORS_ORIGINS);
  const missVerdict = lookupAllowed(ctx.client);
  const verdict = missVerdict.allowed ? rateLimiters()[limit].take(ctx.client) : missVerdict;
  if (!verdict.allowed) {
    return withHeaders(problemResponse("rate-limited", { t: ctx.t, headers: { "Retry-After": String(verdict.retryAfterSeconds) } }), cors);
  }
  try {
    return withHeaders(await handle(), cors);
  } catch (error) {
    if (isDatabaseFailure(error)) return withHeaders(problemResponse("unavailable", { t: ctx.t, headers: { "Retry-After": "10" } }), cors);
    console.error(`[planado] API error: ${error instanceof Error ? error.name : "unknown"}`);
    return withHeaders(problemResponse("internal", { t: ctx.t }), cors);
  }
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
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body;
  if (!isObject(body.value)) return { ok: false, response: problemResponse("validation", { errors: { body: [t("errors.notAnObject")] }, t }) };
  const unknown = unknownFields(body.value, known, t);
  if (unknown) return { ok: false, response: problemResponse("validation", { errors: unknown, t }) };
  return { ok: true, value: body.value };
}

export function createConference(request: Request, ctx: ApiContext): Promise<Response> {
  return endpoint(request, ctx, "create", async () => {
    const body = await readObjectBody(request, Object.keys(bookingSchema.shape), ctx.t);
    if (!body.ok) return body.response;
    const outcome = await book(body.value, ctx.now, ctx.t);
    if (!outcome.ok) return problemResponse("validation", { errors: outcome.errors, t: ctx.t });
    const resource = conferenceResource(outcome.conference, ctx.baseUrl, outcome.booking.name);
    return json(resource, 201, { Location: resource.links.self, ETag: etag(resource.revision) });
  });
}

export function readConference(request: Request, adminId: string, ctx: ApiContext): Promise<Response> {
  return endpoint(request, ctx, "lookup", async () => {
    const conference = await lookUpForVisitor(ctx.client, () => findByAdminId(adminId));
    if (!conference) return problemResponse("not-found", { t: ctx.t });
    const name = nameFromLink(new URL(request.url).searchParams.get("name") ?? undefined);
    return json(conferenceResource(conference, ctx.baseUrl, name), 200, { ETag: etag(conference.revision) });
  });
}

/**
 * Changes start, zone, duration or repetition; the fields left out keep their values (a new zone
 * alone keeps the wall-clock start). If-Match with the ETag makes it safe against a change made in
 * between: 412 when the revision moved on.
 */
export function patchConference(request: Request, adminId: string, ctx: ApiContext): Promise<Response> {
  return endpoint(request, ctx, "lookup", async () => {
    const body = await readObjectBody(request, Object.keys(patchSchema.shape), ctx.t);
    if (!body.ok) return body.response;
    const changes = body.value;

    const expected = ifMatchRevision(request);
    if (expected === null) return problemResponse("precondition-failed", { t: ctx.t });
    const current = await lookUpForVisitor(ctx.client, () => findByAdminId(adminId));
    if (!current) return problemResponse("not-found", { t: ctx.t });
    if (expected !== undefined && expected !== current.revision) return problemResponse("precondition-failed", { t: ctx.t });

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
      return problemResponse("validation", { errors, t: ctx.t });
    }
    const outcome = await saveSchedule(adminId, current.revision, validation.value);
    if (outcome.status === "not-found") return problemResponse("not-found", { t: ctx.t });
    if (outcome.status === "conflict") return problemResponse(expected === undefined ? "conflict" : "precondition-failed", { t: ctx.t });
    const shownName = typeof changes.name === "string" ? validation.value.name : undefined;
    return json(conferenceResource(outcome.conference, ctx.baseUrl, shownName), 200, { ETag: etag(outcome.conference.revision) });
  });
}

export function deleteConferenceApi(request: Request, adminId: string, ctx: ApiContext): Promise<Response> {
  return endpoint(request, ctx, "lookup", async () => {
    if (!(await lookUpForVisitor(ctx.client, async () => (await remove(adminId)) || undefined))) return problemResponse("not-found", { t: ctx.t });
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}

export function readInvitation(request: Request, invitationId: string, ctx: ApiContext): Promise<Response> {
  return endpoint(request, ctx, "lookup", async () => {
    const found = await lookUpForVisitor(ctx.client, () => lookUpInvitation(invitationId, ctx.now));
    if (!found) return problemResponse("not-found", { t: ctx.t });
    const { state, conference } = found;
    if (state.status === "waiting") {
      return json({ status: "waiting", startsAt: conference.startsAt.toISOString(), secondsToStart: state.secondsToOpen });
    }
    const config = getConfig();
    return json(openInvitation(config.JITSI_URL, conference.roomId, config.PRIVACY_NOTICE_URL));
  });
}

