/**
 * The participant's pages as HTML: the wait page, the privacy notice, the page for an invitation that
 * does not work. Rendered pages are kept for a second: in a rush every participant of a conference
 * asks for the same page. A wait page changes every millisecond only in one number (the time left),
 * which goes in per request.
 */
import { calendarLinks } from "@/lib/calendar/links";
import type { Conference } from "@/lib/conferences/conference";
import { COUNTDOWN_MESSAGES, FORWARD_MARGIN_MS, remainingText } from "@/lib/conferences/countdown";
import { describeInterval, formatStartWithZone, START_FORMAT } from "@/lib/conferences/describe";
import type { Entry } from "@/lib/conferences/entry";
import { invitationPath, signedName } from "@/lib/conferences/links";
import { ShortCache } from "@/lib/conferences/short-cache";
import { scriptWords } from "@/lib/i18n/compiled";
import type { ScriptWords } from "@/lib/i18n/compiled";
import { intlLocale, localLink } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { wording } from "@/lib/i18n/translate";
import type { Translate } from "@/lib/i18n/translate";
import { COUNTDOWN_SCRIPT } from "./countdown-script";
import { InvitationNotFound, NoticePage, Trouble, WaitPage } from "./invitation-pages";
import { cut, fill, NUMBER_SLOT, renderDocument, retryScript, scriptJson } from "./render";
import { hashSource } from "@/lib/security/csp";
import type { Template } from "./render";

/** Without JavaScript the wait page reloads itself at most this often: nobody waits long past the start, and a crowd's reloads stay few. */
const MAX_REFRESH_SECONDS = 30;

/** What every page needs: the participant's stylesheet's address (see server/assets.ts). */
export interface PageSetup {
  stylesheet: string;
}

/** A request for one of these pages. */
export interface PageRequest {
  url: URL;
  visitor: { locale: Locale; explicit: boolean };
  /** Where Planado's links start (for the calendar links). */
  baseUrl: string;
  setup: PageSetup;
}

const pages = new ShortCache<string, Template>(1_000, 2_000);

/** Everything a page shows: the whole address, the language, the schedule, the second of the countdown. */
function pageKey(request: PageRequest, conference: Conference, kind: string, seconds: number): string {
  const { url, visitor, baseUrl } = request;
  return [kind, baseUrl, url.pathname + url.search, visitor.locale, conference.revision, conference.startsAt.getTime(), seconds].join("\n");
}

function chrome({ url, visitor, setup }: Omit<PageRequest, "baseUrl">) {
  return { wording: wording(visitor.locale), path: url.pathname + url.search, homeHref: localLink("/", visitor), stylesheet: setup.stylesheet };
}

/** The conference's name, if the link carries the one Planado signed for it; else the untitled words. */
function titleOf(url: URL, invitationId: string, t: Translate): { name?: string; title: string } {
  const name = signedName(invitationId, url.searchParams);
  return { name, title: name ?? t("meta.invitationTitle") };
}

export async function waitHtml(request: PageRequest, conference: Conference, entry: Extract<Entry, { kind: "wait" }>): Promise<Buffer> {
  const template = await pages.get(pageKey(request, conference, "wait", entry.secondsToOpen), async () =>
    cut(renderWait(request, conference, entry.secondsToOpen)),
  );
  return fill(template, entry.msToOpen);
}

/** The countdown's words for the page's script, per language (nine at most). */
const countdownWords = new Map<Locale, ScriptWords>();

function wordsFor(locale: Locale): ScriptWords {
  let words = countdownWords.get(locale);
  if (!words) countdownWords.set(locale, (words = scriptWords(locale, "countdown", COUNTDOWN_MESSAGES)));
  return words;
}

function renderWait(request: PageRequest, conference: Conference, secondsToOpen: number): string {
  const shared = chrome(request);
  const { t, locale } = shared.wording;
  const { name, title } = titleOf(request.url, conference.invitationId, t);
  // Where a reload goes: the invitation's own address (see invitationPath), kept in the visitor's language.
  const href = invitationPath(conference.invitationId, request.url.searchParams);
  const refresh = Math.max(1, Math.min(MAX_REFRESH_SECONDS, secondsToOpen));
  const data = {
    ms: 0,
    margin: FORWARD_MARGIN_MS,
    href,
    start: conference.startsAt.getTime(),
    zone: conference.timeZone,
    locale: intlLocale(locale),
    format: START_FORMAT,
    yourTime: t("invitation.yourTime"),
    words: wordsFor(locale),
  };
  const when = formatStartWithZone(conference.startsAt, conference.timeZone, shared.wording);
  return renderDocument({
    ...shared,
    title,
    description: t("meta.startsAt", { when }),
    preview: true,
    refresh: { seconds: refresh, href },
    script: COUNTDOWN_SCRIPT,
    children: (
      <WaitPage
        t={t}
        name={name ?? t("invitation.untitled")}
        organizerTime={when}
        repeats={conference.repeat ? describeInterval(conference.repeat, shared.wording) : undefined}
        calendar={calendarLinks(request.baseUrl, conference, name, t)}
        shown={remainingText(secondsToOpen * 1000, t)}
        // The milliseconds left go in per request (see render.tsx).
        countdown={scriptJson(data).replace('"ms":0,', `"ms":${NUMBER_SLOT},`)}
        reloadHref={href}
      />
    ),
  });
}

export async function noticeHtml(request: PageRequest, conference: Conference, noticeUrl: string): Promise<Buffer> {
  const template = await pages.get(pageKey(request, conference, "notice", -1), async () => {
    const shared = chrome(request);
    const { t } = shared.wording;
    const { name, title } = titleOf(request.url, conference.invitationId, t);
    const when = formatStartWithZone(conference.startsAt, conference.timeZone, shared.wording);
    // "Continue" carries the name and its signature on (the wait page it may lead back to shows it).
    const query = name ? `?${new URLSearchParams({ n: name, sig: request.url.searchParams.get("sig") ?? "" })}` : "";
    const continueHref = localLink(`${request.url.pathname}/join${query}`, request.visitor);
    const page = <NoticePage t={t} name={name ?? t("invitation.untitled")} noticeUrl={noticeUrl} continueHref={continueHref} />;
    return cut(renderDocument({ ...shared, title, description: t("meta.startsAt", { when }), preview: true, children: page }));
  });
  return fill(template);
}

export function notFoundHtml(request: PageRequest): string {
  const shared = chrome(request);
  const { t } = shared.wording;
  const page = <InvitationNotFound t={t} homeHref={shared.homeHref} />;
  return renderDocument({ ...shared, title: t("meta.notFoundTitle"), description: t("meta.description"), children: page });
}

/** A refusal or error page, and the hash of its one script (if it tries again by itself). */
export interface TroublePage {
  html: string;
  scriptHash?: string;
}

/** Rendered trouble pages: a handful per language (they carry no address), kept while they are asked for. */
const troublePages = new ShortCache<string, TroublePage>(200, 60_000);

/**
 * A refusal (429, 503) or an error, in the participant's pages' look, trying again by itself when
 * asked to. The same for everyone who gets it (its language links lead home, not back to an address):
 * rendered once, as refusals come in crowds.
 */
export async function troublePage(
  visitor: PageRequest["visitor"],
  setup: PageSetup,
  page: { title: string; text: string; refreshSeconds?: number },
): Promise<TroublePage> {
  const key = [visitor.locale, visitor.explicit, setup.stylesheet, page.title, page.text, page.refreshSeconds ?? 0].join("\n");
  return troublePages.get(key, async () => {
    const shared = chrome({ url: new URL("http://planado.invalid/"), visitor, setup });
    const retry = page.refreshSeconds;
    const html = renderDocument({ ...shared, title: page.title, description: page.text, retry, children: <Trouble title={page.title} text={page.text} /> });
    return { html, scriptHash: retry ? hashSource(retryScript(retry)) : undefined };
  });
}
