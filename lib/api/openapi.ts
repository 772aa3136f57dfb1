/**
 * The API's OpenAPI 3.1 document, generated from the same zod schemas that validate requests and
 * shape answers (zod's own JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses).
 */
import { z } from "zod";
import { bookingSchema } from "../conferences/schema";
import { PROBLEMS, problemType } from "../http/problem";
import type { ProblemType } from "../http/problem";
import { changesSchema } from "../conferences/schema";
import { conferenceResourceSchema, invitationStatusSchema, problemSchema } from "./resources";

function schemaOf(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const idParameter = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string", pattern: "^[a-z2-7]{26}$" },
});

export function openApiDocument(serverUrl: string) {
  const common = {
    "404": problemResponse("Unknown id (or a conference that is over)."),
    "429": { ...problemResponse("Too many requests from this client."), headers: { "Retry-After": { schema: { type: "integer" } } } },
    "503": problemResponse("The database does not answer."),
  };
  const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
  const bodyErrors = {
    "400": problemResponse("The body is not valid JSON."),
    "413": problemResponse("The body is larger than 16 KiB."),
    "415": problemResponse("The body is not application/json."),
    "422": problemResponse("Some fields are not valid; `errors` lists the messages by field."),
  };
  const conference = (description: string) => ({
    description,
    headers: { ETag: { description: "The revision, for If-Match.", schema: { type: "string" } } },
    content: { "application/json": { schema: ref("Conference") } },
  });

  return {
    openapi: "3.1.0",
    info: {
      title: "Planado API",
      version: "1",
      description:
        "Book Jitsi Meet conferences in advance. The conference name is never stored: it only goes into the links an answer contains. " +
        `Errors are RFC 9457 problem details; their types: ${(Object.keys(PROBLEMS) as ProblemType[]).map(problemType).join(", ")}.`,
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/conferences": {
        post: {
          operationId: "bookConference",
          summary: "Book a conference",
          requestBody: body("Booking"),
          responses: {
            "201": { ...conference("Booked. Location names the conference resource."), headers: { Location: { schema: { type: "string" } } } },
            ...bodyErrors,
            "429": common["429"],
            "503": common["503"],
          },
        },
      },
      "/conferences/{adminId}": {
        parameters: [idParameter("adminId", "The private admin id.")],
        get: {
          operationId: "getConference",
          summary: "Read a conference's schedule",
          parameters: [{ name: "name", in: "query", required: false, description: "A name to put into the links.", schema: { type: "string" } }],
          responses: { "200": conference("The schedule."), ...common },
        },
        patch: {
          operationId: "changeConference",
          summary: "Change start, zone, duration or repetition (fields left out keep their values)",
          parameters: [
            { name: "If-Match", in: "header", required: false, description: "The ETag read before; 412 if it changed since.", schema: { type: "string" } },
          ],
          requestBody: body("ConferenceChanges"),
          responses: {
            "200": conference("Changed; the revision rose."),
            ...bodyErrors,
            "409": problemResponse("Changed at the same moment by someone else (or the cleanup sweep)."),
            "412": problemResponse("The revision in If-Match is not the current one."),
            ...common,
          },
        },
        delete: { operationId: "deleteConference", summary: "Delete a conference", responses: { "204": { description: "Deleted." }, ...common } },
      },
      "/invitations/{invitationId}": {
        parameters: [idParameter("invitationId", "The public invitation id.")],
        get: {
          operationId: "getInvitation",
          summary: "Whether the room is open; its address only once it is",
          responses: { "200": { description: "Waiting, or open.", content: { "application/json": { schema: ref("InvitationStatus") } } }, ...common },
        },
      },
      "/openapi.json": {
        get: { operationId: "getOpenApi", summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } } },
      },
    },
    components: {
      schemas: {
        Booking: schemaOf(bookingSchema, "input"),
        ConferenceChanges: schemaOf(changesSchema, "input"),
        Conference: schemaOf(conferenceResourceSchema, "output"),
        InvitationStatus: schemaOf(invitationStatusSchema, "output"),
        Problem: schemaOf(problemSchema, "output"),
      },
    },
  };
}
