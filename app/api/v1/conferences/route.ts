import { bookByApi } from "@/lib/api/handlers";
import { toResponse } from "@/lib/http/answer";
import { apiContext, otherMethods } from "@/app/api/v1/context";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return toResponse(await bookByApi(request, apiContext(request)));
}

export const { OPTIONS, GET, HEAD, PUT, PATCH, DELETE } = otherMethods(["POST"]);
