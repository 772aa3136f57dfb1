import { joinAsOrganizer } from "@/lib/conferences/operations";
import { nameFromLink } from "@/lib/conferences/name";
import { visitorLookUp } from "@/app/_shared/visitor";

export const dynamic = "force-dynamic";

/**
 * "Join now": the organizer goes to the room at any time before the meeting is over (see
 * joinAsOrganizer); a meeting that is over sends them back to the admin page, which says so. Unknown
 * ids go back to the (404) page, keeping the query (an explicit language).
 */
export async function GET(request: Request, { params }: RouteContext<"/a/[adminId]/join">) {
  const { adminId } = await params;
  const url = new URL(request.url);
  const name = nameFromLink(url.searchParams.get("n") ?? undefined);
  const joined = await visitorLookUp(async () => {
    const outcome = await joinAsOrganizer(adminId, new Date(), { name });
    return outcome.status === "not-found" ? undefined : outcome;
  });
  // Relative addresses: request.url names the server Next runs in (localhost:PORT), not the one the
  // visitor asked, behind a proxy or not.
  const back = `/a/${encodeURIComponent(adminId)}`;
  if (!joined) return seeOther(`${back}${url.search}`);
  if (joined.status === "over") {
    const query = new URLSearchParams(url.searchParams);
    query.set("over", "1");
    return seeOther(`${back}?${query}`);
  }
  return seeOther(joined.url);
}

/** (No room link leaks to Jitsi: our server's pipeline sends Referrer-Policy: no-referrer with every answer, lib/pipeline/response-headers.ts.) */
function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
