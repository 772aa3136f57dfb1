import { endReservation, readReservation, reservationSettings } from "@/lib/api/reservations";
import { toResponse } from "@/lib/http/answer";

export const dynamic = "force-dynamic";

type Context = RouteContext<"/api/jitsi/conference/[id]">;

/** Prosody asks for a reservation again after a 409 (Planado never answers one). */
export async function GET(request: Request, { params }: Context) {
  return toResponse(await readReservation(request, (await params).id, reservationSettings(), new Date()));
}

/** The room has ended. */
export async function DELETE(request: Request) {
  return toResponse(endReservation(request, reservationSettings()));
}
