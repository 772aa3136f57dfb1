/**
 * The pipeline's refusals (429, 503; 403 for a form post another site sent) as our server writes
 * them, for its own path and for what it would have handed to Next: a page in the participant's
 * pages' look (its retry allowed by its hash) or, for the API, a problem document.
 */
import type { Answer } from "@/lib/http/answer";
import { crossSiteRefusal, refusal, refusalTexts } from "@/lib/security/answers";
import { troublePage } from "./pages/invitation-html";
import type { PageRequest, PageSetup } from "./pages/invitation-html";

export interface Refused {
  status: 429 | 503;
  retryAfterSeconds: number;
  url: URL;
  visitor: PageRequest["visitor"];
  setup: PageSetup;
}

export async function refusedAnswer({ status, retryAfterSeconds, url, visitor, setup }: Refused): Promise<Answer> {
  const { locale } = visitor;
  if (url.pathname.startsWith("/api/")) return refusal(status, url.pathname, retryAfterSeconds, "", locale);
  const { html, scriptHash } = await troublePage(visitor, setup, refusalTexts(status, retryAfterSeconds, locale));
  return { ...refusal(status, url.pathname, retryAfterSeconds, "", locale, () => html), inline: { scriptHashes: scriptHash ? [scriptHash] : [] } };
}

/** A form post another site sent (lib/pipeline/admission.ts, admitPost): why it was refused, with no retry (it would be refused again). */
export async function crossSiteAnswer({ visitor, setup }: Pick<Refused, "visitor" | "setup">): Promise<Answer> {
  const { html } = await troublePage(visitor, setup, refusalTexts(403, 0, visitor.locale));
  return crossSiteRefusal(visitor.locale, html);
}
