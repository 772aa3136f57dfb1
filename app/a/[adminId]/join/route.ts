import { findMeetingForAdmin, openEarly } from "@/lib/conferences/operations";
import { nameFromLink } from "@/lib/conferences/name";
import { roomAccess } from "@/lib/jitsi/access";
import { roomLink } from "@/lib/jitsi/room-link";
import { bookingWindow } from "@/lib/jitsi/window";
import type { BookingWindow } from "@/lib/jitsi/window";
import { visitorLookUp } from "@/app/_shared/visitor";

export const dynamic = "force-dynamic";

/**
 * "Join now": the organizer goes to the room at any time. Where Jitsi enforces bookings, going early
 * opens the meeting's window from now (so Jitsi admits it), the organizer's token makes them
 * moderator, and a meeting whose window is over sends them back to the admin page, which says so.
 * Unknown ids go back to the (404) page, keeping the query (an explicit language).
 */
export async function GET(request: Request, { params }: RouteContext<"/a/[adminId]/join">) {
  const { adminId } = await params;
  const url = new URL(request.url);
  const now = new Date();
  const conference = await visitorLookUp(async () => findMeetingForAdmin(adminId, now));
  // Relative addresses: request.url names the server Next runs in (localhost:PORT), not the one the
  // visitor asked, behind a proxy or not.
  const back = `/a/${encodeURIComponent(adminId)}`;
  if (!conference) return seeOther(`${back}${url.search}`);
  const access = roomAccess();
  let window: BookingWindow | undefined;
  if (access.window) {
    window = bookingWindow(conference, access.window);
    if (now >= window.endsAt) {
      const query = new URLSearchParams(url.searchParams);
      query.set("over", "1");
      return seeOther(`${back}?${query}`);
    }
    if (now < window.opensAt) {
      await openEarly(adminId, now);
      window = { ...window, opensAt: now };
    }
  }
  const subject = access.showName ? nameFromLink(url.searchParams.get("n") ?? undefined) : undefined;
  return seeOther(roomLink(access.jitsiUrl, conference.roomId, { token: access.token, window, moderator: true, subject }));
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
