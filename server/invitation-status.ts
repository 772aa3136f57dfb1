/** GET /api/v1/invitations/<id>: the same endpoint as Next's other API routes use (lib/api). */
import { apiContext } from "@/lib/api/context";
import { readInvitationByApi } from "@/lib/api/handlers";
import type { Answer } from "@/lib/http/answer";
import type { Visit } from "./visit";

export function invitationStatus(visit: Visit, id: string): Promise<Answer> {
  return readInvitationByApi(id, { ...apiContext(visit.headers, visit.now), client: visit.client });
}
