import type { CalendarLinks as Links } from "@/lib/calendar/links";
import type { Translate } from "@/lib/i18n/translate";
import { secondaryButton } from "./button";
import { note } from "./typography";

/** A link to another site: a new tab that cannot reach back into this one, and no Referer (an id). */
const elsewhere = { target: "_blank", rel: "noopener noreferrer", referrerPolicy: "no-referrer" } as const;

/**
 * "Add to calendar" (a file) and "Subscribe" (a feed that follows changes), side by side; then the web
 * calendars (Google, Outlook) for those who can do neither, with a line saying what they send there.
 * Nothing here loads anything from those services: they are plain links. Lists, so that a text
 * browser shows one link a line (and, inline-block, engines without flexbox side by side).
 */
export function CalendarLinks({ links, t }: { links: Links; t: Translate }) {
  const { google, outlook, office } = links.web;
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-3">
        <li className="inline-block">
          <a href={links.file} className={secondaryButton}>
            {t("calendar.add")}
          </a>
        </li>
        <li className="inline-block">
          <a href={links.webcal} className={secondaryButton}>
            {t("calendar.subscribe")}
          </a>
        </li>
      </ul>
      <p className={note}>
        {t("calendar.explanation")} {t("calendar.feedAddress")} {/* Only the address may break anywhere: it is one long word. */}
        <code className="break-all" dir="ltr">
          {links.feed}
        </code>
      </p>
      <ul className="flex flex-wrap gap-3 pt-2" data-testid="web-calendars">
        <li className="inline-block">
          <a href={google} className={secondaryButton} {...elsewhere}>
            {t("calendar.google")}
          </a>
        </li>
        {outlook && (
          <li className="inline-block">
            <a href={outlook} className={secondaryButton} {...elsewhere}>
              {t("calendar.outlook")}
            </a>
          </li>
        )}
        {office && (
          <li className="inline-block">
            <a href={office} className={secondaryButton} {...elsewhere}>
              {t("calendar.office")}
            </a>
          </li>
        )}
      </ul>
      <p className={note}>{t("calendar.servicesNote")}</p>
    </div>
  );
}
