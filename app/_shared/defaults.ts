import { DEFAULT_OCCURRENCES, presetOf } from "@/lib/conferences/booking-form";
import type { BookingFormValues } from "@/lib/conferences/booking-form";
import type { Conference } from "@/lib/conferences/conference";
import { toLocal } from "@/lib/time/zoned";

/** The booking form's starting values: the next full hour of the default zone's clock. */
export function newBookingDefaults(now: Date, timeZone: string): BookingFormValues {
  // An hour from now, on the hour as the zone's clocks show it (Kathmandu's hours are not UTC's).
  const local = toLocal(new Date(now.getTime() + 3_600_000), timeZone);
  return {
    name: "",
    date: local.slice(0, 10),
    time: `${local.slice(11, 13)}:00`,
    timeZone,
    durationMinutes: "60",
    repeat: "none",
    repeatEvery: "1",
    repeatUnit: "week",
    occurrences: DEFAULT_OCCURRENCES,
  };
}

/** The edit form's starting values: the conference as it is. */
export function editDefaults(conference: Conference, name: string): BookingFormValues {
  const preset = presetOf(conference.repeat);
  return {
    name,
    date: conference.localStart.slice(0, 10),
    time: conference.localStart.slice(11, 16),
    timeZone: conference.timeZone,
    durationMinutes: String(conference.durationMinutes),
    repeat: preset,
    repeatEvery: String(conference.repeat?.every ?? 1),
    repeatUnit: conference.repeat?.unit ?? "week",
    occurrences: conference.repeat ? String(conference.remainingOccurrences + 1) : DEFAULT_OCCURRENCES,
  };
}
