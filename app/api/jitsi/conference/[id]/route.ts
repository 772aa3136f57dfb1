import { endReservation, readReservation, reservationSettings } from "@/lib/api/reservations";
import { toResponse } from "@/lib/http/answer";

export const dynamic = "force-dynamic";

/** Prosody asks for a reservation again only after a 409, which Planado never answers: 404, always (see readReservation). */
export function GET() {
  return toResponse(readReservation());
}

/** The room has ended. */
export async function DELETE(request: Request) {
  return toResponse(endReservation(request, reservationSettings()));
}
