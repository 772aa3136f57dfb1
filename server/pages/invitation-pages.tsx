/**
 * The participant's pages, as plain components of their arguments: the wait page, the privacy notice
 * of a conference that has started, and the page for an invitation that does not work. Rendered by
 * our server (server/participant-path.ts) in the look of the app's pages.
 */
import { primaryButton } from "@/ui/button";
import { CalendarLinks } from "@/ui/calendar-links";
import { namedPageTitle, note, pageTitle, textLink } from "@/ui/typography";
import type { CalendarLinks as Links } from "@/lib/calendar/links";
import type { Translate } from "@/lib/i18n/translate";

export interface WaitProps {
  t: Translate;
  name: string;
  organizerTime: string;
  /** How it repeats, in words; undefined when it does not. */
  repeats?: string;
  calendar: Links;
  /** What the countdown shows now. */
  shown: string;
  /** The countdown's data for its script (JSON; see countdown.es5.js). */
  countdown: string;
  /** The invitation's own address: where a reload goes. */
  reloadHref: string;
}

/**
 * The wait page. It reads in order without its stylesheet too (a text browser, a screen reader with
 * CSS off): one item a line, the countdown once, no label without its value. What only the script
 * can say (the visitor's own time, the sentence a screen reader hears) is empty until it says it.
 */
export function WaitPage({ t, name, organizerTime, repeats, calendar, shown, countdown, reloadHref }: WaitProps) {
  return (
    <div className="space-y-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-sky-300">{t("invitation.pleaseWait")}</p>
      {/* A name may run the other way than the page (a Latin name on an Arabic page): isolated. */}
      <h1 className={namedPageTitle}>
        <bdi>{name}</bdi>
      </h1>
      <p className="text-lg">{t("invitation.opens")}</p>
      <dl className="space-y-1">
        <dt className="font-medium">{t("invitation.starts")}</dt>
        <dd data-testid="organizer-time">
          <bdi>{organizerTime}</bdi>
        </dd>
        {repeats && (
          <>
            <dt className="font-medium">{t("invitation.repeats")}</dt>
            <dd>{repeats}</dd>
          </>
        )}
      </dl>
      <div className="space-y-4">
        {/* Filled in by the script, in the browser's own zone, when it differs from the organizer's. */}
        <p id="viewer-time" data-testid="viewer-time" hidden>
          <span className="font-medium" id="viewer-time-label" />
          <bdi id="viewer-time-value" />
        </p>
        <div id="countdown" className="rounded-2xl bg-slate-100 p-6 text-center dark:bg-slate-800">
          <p className="text-sm font-medium text-slate-600 dark:text-slate-300" id="countdown-label">
            {t("invitation.startsIn")}
          </p>
          {/* A timer, which may be named (a plain paragraph may not); it is silent by itself: the
              sentence below speaks now and then, not every second. */}
          <p
            role="timer"
            id="countdown-shown"
            className="font-mono text-4xl font-bold tabular-nums [unicode-bidi:isolate] sm:text-5xl"
            aria-labelledby="countdown-label"
            aria-live="off"
            data-testid="countdown"
          >
            {shown}
          </p>
        </div>
        {/* What a screen reader hears, written by the script whenever its words change. */}
        <p id="countdown-spoken" className="sr-only" aria-live="polite" data-testid="countdown-spoken" />
        <script type="application/json" id="countdown-data" dangerouslySetInnerHTML={{ __html: countdown }} />
      </div>
      <CalendarLinks links={calendar} t={t} />
      <noscript>
        <p className={note}>
          {t("invitation.reloads")}{" "}
          <a href={reloadHref} className={textLink}>
            {t("invitation.reloadLink")}
          </a>
        </p>
      </noscript>
    </div>
  );
}

export interface NoticeProps {
  t: Translate;
  name: string;
  noticeUrl: string;
  continueHref: string;
}

export function NoticePage({ t, name, noticeUrl, continueHref }: NoticeProps) {
  return (
    <div className="space-y-6">
      <h1 className={namedPageTitle}>{t("invitation.started", { name })}</h1>
      <p>
        {t("invitation.privacyBefore")}{" "}
        <a href={noticeUrl} target="_blank" rel="noopener noreferrer" className={textLink}>
          {t("invitation.privacyLink")}
          <span className="sr-only"> {t("invitation.newWindow")}</span>
        </a>{" "}
        {t("invitation.privacyAfter")}
      </p>
      <a href={continueHref} className={primaryButton}>
        {t("invitation.continue")}
      </a>
    </div>
  );
}

/** A page that says what went wrong (too many attempts, unavailable for a moment, an error). */
export function Trouble({ title, text }: { title: string; text: string }) {
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{title}</h1>
      <p>{text}</p>
    </div>
  );
}

export function InvitationNotFound({ t, homeHref }: { t: Translate; homeHref: string }) {
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("invitation.notFoundTitle")}</h1>
      <p>{t("invitation.notFoundText")}</p>
      <a href={homeHref} className={textLink}>
        {t("invitation.notFoundLink")}
      </a>
    </div>
  );
}
