/**
 * Words for a conference: when it starts, how it repeats, the invitation text to copy or e-mail.
 * Pure functions of their arguments, so pages, e-mails and tests say exactly the same thing.
 */
import type { Repeat } from "../time/recurrence";

const LOCALE = "en-GB";

// Building a DateTimeFormat costs far more than using one (ICU loads the zone): keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Tuesday, 1 December 2026 at 09:00" in the given zone. */
export function formatStart(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

/** "Tuesday, 1 December 2026 at 09:00 (Europe/Berlin)". */
export function formatStartWithZone(instant: Date, timeZone: string): string {
  return `${formatStart(instant, timeZone)} (${timeZone.replaceAll("_", " ")})`;
}

const UNIT_WORDS: Record<Repeat["unit"], [string, string]> = {
  day: ["day", "days"],
  week: ["week", "weeks"],
  month: ["month", "months"],
  year: ["year", "years"],
};

/** "every week", "every 2 weeks", "every day" … */
export function describeInterval(repeat: Repeat): string {
  const [one, many] = UNIT_WORDS[repeat.unit];
  return repeat.every === 1 ? `every ${one}` : `every ${repeat.every} ${many}`;
}

/** "Does not repeat" or "Every 2 weeks: this meeting and 3 more". */
export function describeRepeat(repeat: Repeat | null, remainingOccurrences: number): string {
  if (!repeat) return "Does not repeat";
  const interval = describeInterval(repeat);
  const capitalised = interval[0]!.toUpperCase() + interval.slice(1);
  if (remainingOccurrences === 0) return `${capitalised}: this is the last meeting`;
  return `${capitalised}: this meeting and ${remainingOccurrences} more`;
}

export interface InvitationDetails {
  name: string;
  when: string;
  repeat: string;
  invitationUrl: string;
  calendarUrl: string;
  subscriptionUrl: string;
}

/** The text participants receive, by copy and paste or e-mail. */
export function invitationText(d: InvitationDetails): string {
  return [
    `You are invited to a video conference: ${d.name}`,
    "",
    `When: ${d.when}`,
    ...(d.repeat === "Does not repeat" ? [] : [`Repeats: ${d.repeat}`]),
    `Join: ${d.invitationUrl}`,
    `Add to your calendar: ${d.calendarUrl}`,
    `Or subscribe, and your calendar follows any change: ${d.subscriptionUrl}`,
    "",
    "The link opens the conference room on Jitsi Meet when the conference starts.",
  ].join("\n");
}

/** A mailto: link with subject and body filled in; the recipients are left to the sender. */
export function mailtoLink(name: string, text: string): string {
  return `mailto:?subject=${encodeURIComponent(`Invitation: ${name}`)}&body=${encodeURIComponent(text.replaceAll("\n", "\r\n"))}`;
}
