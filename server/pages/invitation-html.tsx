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
import { invitationHref, pageQuery, readInvitationQuery } from "@/lib/conferences/links";
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

/** Everything a page shows: its own address (what it was built from), the language, the schedule, the second of the countdown. */
function pageKey(request: PageRequest, conference: Conference, kind: string, seconds: number, address: string): string {
  const { visitor, baseUrl } = request;
  return [kind, baseUrl, address, visitor.locale, conference.revision, conference.startsAt.getTime(), seconds].join("\n");
}

/** What a page of an invitation is built from: its own address (where its links lead) and the name Planado signed. */
interface OwnAddress {
  href: string;
  name?: string;
}

/**
 * A page, kept or rendered. A page is built from its own address, which holds only what pages read
 * (the language, the name if Planado signed it: see pageQuery), and kept under it. A request for
 * exactly that address finds it by what it asked for, without a signature check (thousands a
 * second); any other reads its query and finds, or renders, the page of what counts in it. So nothing
 * else in a query makes a page of its own, or goes into one or its links.
 */
async function keptPage(request: PageRequest, conference: Conference, kind: string, seconds: number, render: (own: OwnAddress) => string) {
  const { url } = request;
  const kept = pages.peek(pageKey(request, conference, kind, seconds, url.pathname + url.search));
  if (kept) return kept;
  const { query, name } = pageQuery(conference.invitationId, readInvitationQuery(url.searchParams));
  const href = invitationHref(conference.invitationId, query);
  return pages.get(pageKey(request, conference, kind, seconds, href), async () => cut(render({ href, name })));
}

/** How many pages are kept now (a junk query must not add one). */
export function keptPageCount(): number {
  return pages.size;
}

/** The chrome of a page at `path` (the language links lead to it in each language). */
function chrome({ visitor, setup }: Pick<PageRequest, "visitor" | "setup">, path: string) {
  return { wording: wording(visitor.locale), path, homeHref: localLink("/", visitor), stylesheet: setup.stylesheet };
}

/** The conference's name, if the link carries the one Planado signed for it; else the untitled words. */
function titleOf(name: string | undefined, t: Translate): { name?: string; title: string } {
  return { name, title: name ?? t("meta.invitationTitle") };
}

export async function waitHtml(request: PageRequest, conference: Conference, entry: Extract<Entry, { kind: "wait" }>): Promise<Buffer> {
  const template = await keptPage(request, conference, "wait", entry.secondsToOpen, (own) => renderWait(request, own, conference, entry.secondsToOpen));
  return fill(template, entry.msToOpen);
}

/** The countdown's words for the page's script, per language (nine at most). */
const countdownWords = new Map<Locale, ScriptWords>();

function wordsFor(locale: Locale): ScriptWords {
  let words = countdownWords.get(locale);
  if (!words) countdownWords.set(locale, (words = scriptWords(locale, "countdown", COUNTDOWN_MESSAGES)));
  return words;
}

function renderWait(request: PageRequest, own: OwnAddress, conference: Conference, secondsToOpen: number): string {
  // Where a reload goes: the invitation's own address, kept in the visitor's language.
  const href = own.href;
  const shared = chrome(request, href);
  const { t, locale } = shared.wording;
  const { name, title } = titleOf(own.name, t);
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
  const template = await keptPage(request, conference, "notice", -1, (own) => {
    const shared = chrome(request, own.href);
    const { t } = shared.wording;
    const { name, title } = titleOf(own.name, t);
    const when = formatStartWithZone(conference.startsAt, conference.timeZone, shared.wording);
    // "Continue" carries the name and its signature on (the wait page it may lead back to shows it).
    const [path, query = ""] = own.href.split("?");
    const continueHref = `${path}/join${query ? `?${query}` : ""}`;
    const page = <NoticePage t={t} name={name ?? t("invitation.untitled")} noticeUrl={noticeUrl} continueHref={continueHref} />;
    return renderDocument({ ...shared, title, description: t("meta.startsAt", { when }), preview: true, children: page });
  });
  return fill(template);
}

export function notFoundHtml(request: PageRequest): string {
  // (Its language links lead to the same address, with nothing of its query but the language.)
  const shared = chrome(request, request.url.pathname);
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
    const shared = chrome({ visitor, setup }, "/");
    const retry = page.refreshSeconds;
    const html = renderDocument({ ...shared, title: page.title, description: page.text, retry, children: <Trouble title={page.title} text={page.text} /> });
    return { html, scriptHash: retry ? hashSource(retryScript(retry)) : undefined };
  });
}
