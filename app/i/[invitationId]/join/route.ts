import { lookUpInvitation } from "@/lib/conferences";
import { roomUrl } from "@/lib/conferences/links";
import { getConfig } from "@/lib/env";
import { visitorLookUp } from "../../../_shared/visitor";

export const dynamic = "force-dynamic";

/**
 * "Continue to the conference" after the privacy notice: the room once it is open, otherwise back to
 * the invitation (which waits, or says the conference does not exist), with the query it came with
 * (the name and an explicit language).
 */
export async function GET(request: Request, { params }: RouteContext<"/i/[invitationId]/join">) {
  const { invitationId } = await params;
  const found = await visitorLookUp(() => lookUpInvitation(invitationId, new Date()));
  const location =
    found?.state.status === "open"
      ? roomUrl(getConfig().JITSI_URL, found.conference.roomId)
      : new URL(`/i/${encodeURIComponent(invitationId)}${new URL(request.url).search}`, request.url).href;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
