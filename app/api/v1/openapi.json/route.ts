import { json } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { getConfig } from "@/lib/env";
import { toResponse } from "@/lib/http/answer";
import { requestBaseUrl } from "@/lib/request";
import { otherMethods } from "@/app/api/v1/context";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return toResponse(json(openApiDocument(`${requestBaseUrl(request.headers, getConfig().PUBLIC_URL)}/api/v1`), 200, { "Access-Control-Allow-Origin": "*" }));
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
