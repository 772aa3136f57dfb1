import type { CalendarLinks as Links } from "@/lib/calendar";

const button =
  "inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-600/40 dark:text-sky-300 dark:hover:bg-slate-800";

/** "Add to calendar" (a file) and "Subscribe" (a feed that follows changes), side by side. */
export function CalendarLinks({ links }: { links: Links }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <a href={links.file} className={button}>
          Add to calendar
        </a>
        <a href={links.webcal} className={button}>
          Subscribe in your calendar
        </a>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A subscription follows every later change by itself; a downloaded file shows the plan as it is now.{" "}
        <span className="break-all">
          Subscription address for calendars that ask for one: <code>{links.feed}</code>
        </span>
      </p>
    </div>
  );
}
