/** The links Planado hands out. The name rides along in `?n=` because it is never stored. */

function withName(url: URL, name: string | undefined): string {
  if (name) url.searchParams.set("n", name);
  return url.href;
}

export function invitationUrl(base: string, invitationId: string, name?: string): string {
  return withName(new URL(`${base}/i/${invitationId}`), name);
}

export function adminUrl(base: string, adminId: string, name?: string): string {
  return withName(new URL(`${base}/a/${adminId}`), name);
}

/** The calendar file of a conference (served by the calendar route; see issue "Calendar files"). */
export function calendarUrl(base: string, invitationId: string, revision: number, name?: string): string {
  const url = new URL(`${base}/calendar/${invitationId}.ics`);
  url.searchParams.set("rev", String(revision));
  return withName(url, name);
}

/** Where the room is: never shown before the start, except to the organizer's "Join now". */
export function roomUrl(jitsiBase: string, roomId: string): string {
  return `${jitsiBase}/${roomId}`;
}
