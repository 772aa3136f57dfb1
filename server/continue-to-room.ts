/**
 * GET /i/<id>/join, the privacy notice's "Continue": the room once it is open, otherwise back to the
 * invitation (which waits, or says the conference does not exist), with what it reads of the query
 * it came with (the name with its signature, the language), and nothing else.
 */
import { roomAfterNotice } from "@/lib/conferences/entry";
import { invitationPath } from "@/lib/conferences/links";
import { answer } from "@/lib/http/answer";
import type { Answer } from "@/lib/http/answer";
import { entryOf, findInvitation } from "./invitation-look-up";
import type { Visit } from "./visit";

export async function continueToRoom(visit: Visit, id: string): Promise<Answer> {
  const lookUp = await findInvitation(visit, id);
  const room = lookUp.status === "found" ? roomAfterNotice(entryOf(lookUp.value, visit)) : undefined;
  return answer(303, { Location: room ?? invitationPath(id, visit.url.searchParams), "Cache-Control": "no-store" });
}
