/**
 * The participant's path (./routes.ts), answered by our server before Next: each address is one
 * cached, indexed look-up and then an answer, at the speed of a bare Node server. The request
 * pipeline (lib/pipeline/) is the same as for what goes to Next: admission (the sweep's nudge, the
 * 503 while the database is down), then the handler, then the pipeline's headers. A failure is
 * classified once (lib/failures.ts): the database away is the friendly 503, anything else a 500.
 */
import { reportFailure, UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/failures";
import { answer } from "@/lib/http/answer";
import type { Answer } from "@/lib/http/answer";
import { localeOfRequest } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { admit } from "@/lib/pipeline/admission";
import { finishAnswer } from "@/lib/pipeline/response-headers";
import { troublePage } from "./pages/invitation-html";
import type { PageSetup } from "./pages/invitation-html";
import { refusedAnswer } from "./refusals";
import { participantRoute } from "./routes";
import type { Handler, Visit } from "./visit";

/** Answers a request on the participant's path, finished by the pipeline. */
export function answerVisit(visit: Visit, setup: PageSetup): Promise<Answer> {
  const route = participantRoute(visit.method, visit.url.pathname);
  if (!route) throw new Error("not a participant route");
  return answerRoute(visit, route, setup);
}

/** Answers a visit with its route's handler (apart from answerVisit so tests can hand it a failing one). */
export async function answerRoute(visit: Visit, route: { handler: Handler; segment: string }, setup: PageSetup): Promise<Answer> {
  const path = visit.url.pathname;
  // (The visitor's language only when this door answers itself: most answers never need it.)
  const page = () => ({ url: visit.url, visitor: localeOfRequest(visit.url, visit.headers), setup });
  // (Not awaited when there is nothing to wait for: the wait page is asked thousands of times a second.)
  const admitted = admit(path, visit.client);
  const admission = admitted instanceof Promise ? await admitted : admitted;
  if (admission.status === "refused") {
    return finishAnswer(path, await refusedAnswer({ status: admission.code, retryAfterSeconds: admission.retryAfterSeconds, ...page() }));
  }
  try {
    return finishAnswer(path, await route.handler(visit, route.segment, setup));
  } catch (error) {
    const failure = reportFailure("participant path", error);
    if (failure.status === "unavailable") {
      return finishAnswer(path, await refusedAnswer({ status: 503, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS, ...page() }));
    }
    return finishAnswer(path, await internalError(page().visitor, setup));
  }
}

/** The 500 page, in the participant's pages' look (rendered once per language). */
async function internalError(visitor: ReturnType<typeof localeOfRequest>, setup: PageSetup): Promise<Answer> {
  const t = translator(visitor.locale);
  const { html } = await troublePage(visitor, setup, { title: t("error.title"), text: t("error.text") });
  return answer(500, { "Content-Type": "text/html; charset=utf-8", "Content-Language": visitor.locale, "Cache-Control": "no-store" }, html);
}
