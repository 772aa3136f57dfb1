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

/** Where the room is: never shown before the start, except to the organizer's "Join now". */
export function roomUrl(jitsiBase: string, roomId: string): string {
  return `${jitsiBase}/${roomId}`;
}
