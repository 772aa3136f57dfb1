import { findByAdminId } from "@/lib/conferences";
import { roomUrl } from "@/lib/conferences/links";
import { getConfig } from "@/lib/env";
import { visitorLookUp } from "../../../_shared/visitor";

export const dynamic = "force-dynamic";

/** "Join now": the organizer goes to the room at any time. Unknown ids go back to the (404) page,
 * keeping the query (an explicit language). */
export async function GET(request: Request, { params }: RouteContext<"/a/[adminId]/join">) {
  const { adminId } = await params;
  const conference = await visitorLookUp(() => findByAdminId(adminId));
  // A relative address: request.url names the server Next runs in (localhost:PORT), not the one the
  // visitor asked, behind a proxy or not.
  const back = `/a/${encodeURIComponent(adminId)}${new URL(request.url).search}`;
  const location = conference ? roomUrl(getConfig().JITSI_URL, conference.roomId) : back;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
