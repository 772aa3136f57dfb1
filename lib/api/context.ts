/** What every API endpoint needs from its request: the moment, the base for links, the client, its language. */
import { getConfig } from "../env";
import { negotiateLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import type { Translate } from "../i18n/translate";
import { requestBaseUrl, requestClient } from "../request";
import type { HeaderReader } from "../request";
import type { ApiContext } from "./handlers";

export function apiContext(headers: HeaderReader, now: Date): ApiContext {
  return {
    now,
    baseUrl: requestBaseUrl(headers, getConfig().PUBLIC_URL),
    client: requestClient(headers),
    origin: headers.get("origin"),
    t: apiTranslator(headers),
  };
}

/** API clients choose their language with Accept-Language only (no ?lang=: URLs stay stable). */
export function apiTranslator(headers: HeaderReader): Translate {
  return translator(negotiateLocale(headers.get("accept-language")));
}
