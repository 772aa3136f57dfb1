/** The invitation a visit asks for, and where it sends the visitor now (lib/conferences/entry.ts). */
import { invitationEntry } from "@/lib/conferences/entry";
import type { Entry } from "@/lib/conferences/entry";
import { signedName } from "@/lib/conferences/links";
import { lookUpInvitation } from "@/lib/conferences/operations";
import { roomAccess } from "@/lib/jitsi/access";
import { lookUpForVisitor } from "@/lib/security/misses";
import type { Visit } from "./visit";

/** The invitation, looked up for this visitor: a miss counts against them and takes its time. */
export function findInvitation(visit: Visit, id: string) {
  return lookUpForVisitor(visit.client, () => lookUpInvitation(id, visit.now));
}

type Found = Extract<Awaited<ReturnType<typeof findInvitation>>, { status: "found" }>["value"];

export function entryOf({ conference, state }: Found, visit: Visit): Entry {
  return invitationEntry(conference, state, roomAccess(), { now: visit.now, name: () => signedName(conference.invitationId, visit.url.searchParams) });
}
