import { deleteByApi, editByApi, readByApi } from "@/lib/api/handlers";
import { toResponse } from "@/lib/http/answer";
import { apiContext, otherMethods } from "@/app/api/v1/context";

export const dynamic = "force-dynamic";

type Context = RouteContext<"/api/v1/conferences/[adminId]">;

export async function GET(request: Request, { params }: Context) {
  return toResponse(await readByApi(request, (await params).adminId, apiContext(request)));
}

export async function PATCH(request: Request, { params }: Context) {
  return toResponse(await editByApi(request, (await params).adminId, apiContext(request)));
}

export async function DELETE(request: Request, { params }: Context) {
  return toResponse(await deleteByApi((await params).adminId, apiContext(request)));
}

export const { OPTIONS, POST, PUT } = otherMethods(["GET", "PATCH", "DELETE"]);
