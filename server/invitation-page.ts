/** GET /i/<id>: the wait page, the room once it is open, or the privacy notice before it. */
import { invitationPath, MAX_INVITATION_QUERY_LENGTH } from "@/lib/conferences/links";
import { getConfig } from "@/lib/env";
import { answer } from "@/lib/http/answer";
import type { Answer } from "@/lib/http/answer";
import { localeOfRequest } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { requestBaseUrl } from "@/lib/request";
import { entryOf, findInvitation } from "./invitation-look-up";
import { COUNTDOWN_SCRIPT_HASH } from "./pages/countdown-script";
import { noticeHtml, notFoundHtml, waitHtml } from "./pages/invitation-html";
import type { PageSetup } from "./pages/invitation-html";
import { refusedAnswer } from "./refusals";
import type { Visit } from "./visit";

function html(status: number, body: string | Uint8Array, locale: Locale): Answer {
  return answer(status, { "Content-Type": "text/html; charset=utf-8", "Content-Language": locale, "Cache-Control": "no-store" }, body);
}

export async function invitationPage(visit: Visit, id: string, setup: PageSetup): Promise<Answer> {
  // A query longer than any link Planado makes is someone else's: not read, not answered with a page,
  // but sent on to the link's own address, without the rest (a mail scanner's additions, or junk).
  if (visit.url.search.length > MAX_INVITATION_QUERY_LENGTH) {
    return answer(303, { Location: invitationPath(id, visit.url.searchParams), "Cache-Control": "no-store" });
  }
  const page = { url: visit.url, visitor: localeOfRequest(visit.url, visit.headers), baseUrl: requestBaseUrl(visit.headers, getConfig().PUBLIC_URL), setup };
  const lookUp = await findInvitation(visit, id);
  if (lookUp.status === "refused") return await refusedAnswer({ status: 429, retryAfterSeconds: lookUp.retryAfterSeconds, ...page });
  if (lookUp.status === "missing") return html(404, notFoundHtml(page), page.visitor.locale);
  const found = lookUp.value;
  const entry = entryOf(found, visit);
  // Over (its Jitsi enforces bookings and the window has passed): as gone as a deleted one, but no miss.
  if (entry.kind === "over") return html(404, notFoundHtml(page), page.visitor.locale);
  if (entry.kind === "room") return answer(307, { Location: entry.roomUrl, "Cache-Control": "no-store" });
  if (entry.kind === "notice") return html(200, await noticeHtml(page, found.conference, entry.noticeUrl), page.visitor.locale);
  return { ...html(200, await waitHtml(page, found.conference, entry), page.visitor.locale), inline: { scriptHashes: [COUNTDOWN_SCRIPT_HASH] } };
}
