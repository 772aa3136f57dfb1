import { createReservation, reservationSettings } from "@/lib/api/reservations";
import { toResponse } from "@/lib/http/answer";

export const dynamic = "force-dynamic";

/** Prosody's mod_reservations asks whether a room may exist now (see lib/jitsi/reservations.ts). */
export async function POST(request: Request) {
  return toResponse(await createReservation(request, reservationSettings(), new Date()));
}
