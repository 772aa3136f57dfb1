import { readInvitation } from "@/lib/api/handlers";
import { apiContext, otherMethods } from "../../context";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/api/v1/invitations/[invitationId]">) {
  return readInvitation(request, (await params).invitationId, apiContext(request));
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
