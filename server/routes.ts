/**
 * The participant's path: the addresses our server answers itself, before Next. At the start time
 * thousands ask for these in the same second; everything else goes to Next.
 */
import { decodePathSegment } from "@/lib/request";
import { continueToRoom } from "./continue-to-room";
import { invitationPage } from "./invitation-page";
import { invitationStatus } from "./invitation-status";
import { subscriptionFeed } from "./subscription-feed";
import type { Handler } from "./visit";

const ROUTES: { pattern: RegExp; handler: Handler }[] = [
  { pattern: /^\/i\/([^/]+)$/, handler: invitationPage },
  { pattern: /^\/i\/([^/]+)\/join$/, handler: continueToRoom },
  { pattern: /^\/api\/v1\/invitations\/([^/]+)$/, handler: invitationStatus },
  { pattern: /^\/calendar\/feed\/([^/]+)$/, handler: subscriptionFeed },
];

/** The route for a request, or undefined when Next answers it. */
export function participantRoute(method: string, pathname: string): { handler: Handler; segment: string } | undefined {
  if (method !== "GET" && method !== "HEAD") return undefined;
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (match) return { handler: route.handler, segment: decodePathSegment(match[1]!) };
  }
  return undefined;
}
