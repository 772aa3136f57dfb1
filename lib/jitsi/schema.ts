/** What Prosody's mod_reservations sends Planado (see ./reservations.ts for the contract). */
import "server-only";
import { z } from "zod";

const ROOM_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** One request body, as the module sends it (the fields it adds beyond these are ignored). */
export const reservationRequestSchema = z.object({
  name: z.string({ error: "name is missing" }).min(1, { error: "name is empty" }).max(255, { error: "name is too long" }),
  start_time: z
    .string({ error: "start_time is missing" })
    .regex(ROOM_TIME, { error: "start_time must be yyyy-MM-ddTHH:mm:ss.SSSZ" })
    .refine((text) => !Number.isNaN(new Date(text).getTime()), { error: "start_time is not a date" }),
  mail_owner: z.string().max(1024, { error: "mail_owner is too long" }).optional(),
});

export type ReservationRequest = z.output<typeof reservationRequestSchema>;
