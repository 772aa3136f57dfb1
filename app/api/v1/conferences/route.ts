import { createConference } from "@/lib/api/handlers";
import { apiContext, otherMethods } from "../context";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return createConference(request, apiContext(request));
}

export const { OPTIONS, GET, HEAD, PUT, PATCH, DELETE } = otherMethods(["POST"]);
