import { getTranslations } from "next-intl/server";
import type { CalendarLinks as Links } from "@/lib/calendar";

const button =
  "inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50 focus-ring dark:text-sky-300 dark:hover:bg-slate-800";

/** "Add to calendar" (a file) and "Subscribe" (a feed that follows changes), side by side. */
export async function CalendarLinks({ links }: { links: Links }) {
  const t = await getTranslations("calendar");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <a href={links.file} className={button}>
          {t("add")}
        </a>
        <a href={links.webcal} className={button}>
          {t("subscribe")}
        </a>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("explanation")}{" "}
        {t("feedAddress")} {/* Only the address may break anywhere: it is one long word. */}
        <code className="break-all">{links.feed}</code>
      </p>
    </div>
  );
}
