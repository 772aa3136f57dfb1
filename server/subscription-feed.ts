/** GET /calendar/feed/<invitation id>.ics: the calendar subscription (lib/calendar/requests.ts). */
import { feedAnswer } from "@/lib/calendar/requests";
import { getConfig } from "@/lib/env";
import type { Answer } from "@/lib/http/answer";
import { requestBaseUrl } from "@/lib/request";
import { newNonce } from "@/lib/security/csp";
import type { Visit } from "./visit";

export function subscriptionFeed(visit: Visit, file: string): Promise<Answer> {
  const base = requestBaseUrl(visit.headers, getConfig().PUBLIC_URL);
  return feedAnswer({ file, url: visit.url, headers: visit.headers, base, now: visit.now, nonce: newNonce() });
}
