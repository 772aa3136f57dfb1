import { joinAsOrganizer } from "@/lib/conferences/operations";
import { nameFromLink } from "@/lib/conferences/name";
import { requestClient } from "@/lib/request";
import { foundValue, lookUpForVisitor } from "@/lib/security/misses";

export const dynamic = "force-dynamic";

type Context = RouteContext<"/a/[adminId]/join">;

/**
 * "Join now", the admin page's button (a form: it works without JavaScript): the organizer goes to the
 * room at any time before the meeting is over (see joinAsOrganizer), which where Jitsi enforces
 * bookings opens the meeting's window early. That changes state, so it is a POST; the answer is a 303
 * to the room. A meeting that is over sends them back to the admin page, which says so. Unknown ids go
 * back to the (404) page, keeping the query (an explicit language).
 */
export async function POST(request: Request, { params }: Context) {
  const { adminId } = await params;
  const url = new URL(request.url);
  const name = nameFromLink(url.searchParams.get("n") ?? undefined);
  // A visitor's look-up (misses count and take their time), from the request Next hands the route.
  const lookUp = await lookUpForVisitor(requestClient(request.headers), async () => {
    const outcome = await joinAsOrganizer(adminId, new Date(), { name });
    return outcome.status === "not-found" ? undefined : outcome;
  });
  const joined = foundValue(lookUp);
  const back = adminPage(adminId);
  if (!joined) return seeOther(`${back}${url.search}`);
  if (joined.status === "over") {
    const query = new URLSearchParams(url.searchParams);
    query.set("over", "1");
    return seeOther(`${back}?${query}`);
  }
  return seeOther(joined.url);
}

/**
 * A GET of this address (an old bookmark, a link previewer, a browser's prefetch) changes nothing and
 * looks nothing up: it goes to the admin page, where the button is. Before, a GET opened the room, so
 * a chat app's preview of a forwarded link could open it months early.
 */
export async function GET(request: Request, { params }: Context) {
  const { adminId } = await params;
  return seeOther(`${adminPage(adminId)}${new URL(request.url).search}`);
}

/** Relative: request.url names the server Next runs in (localhost:PORT), not the one the visitor asked, behind a proxy or not. */
function adminPage(adminId: string): string {
  return `/a/${encodeURIComponent(adminId)}`;
}

/** (No room link leaks to Jitsi: our server's pipeline sends its Referrer-Policy with every answer, lib/pipeline/response-headers.ts.) */
function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
