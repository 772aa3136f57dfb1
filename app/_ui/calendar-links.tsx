import type { CalendarLinks as Links } from "@/lib/calendar";
import type { Translate } from "@/lib/i18n/translate";
import { secondaryButton } from "./button";

/** "Add to calendar" (a file) and "Subscribe" (a feed that follows changes), side by side. */
export function CalendarLinks({ links, t }: { links: Links; t: Translate }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <a href={links.file} className={secondaryButton}>
          {t("calendar.add")}
        </a>
        <a href={links.webcal} className={secondaryButton}>
          {t("calendar.subscribe")}
        </a>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("calendar.explanation")} {t("calendar.feedAddress")} {/* Only the address may break anywhere: it is one long word. */}
        <code className="break-all">{links.feed}</code>
      </p>
    </div>
  );
}
