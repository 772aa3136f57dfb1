// Plain <a> links, not next/link: pages render per request anyway, and next/link adds client code to every page.
import { getTranslations } from "next-intl/server";
import { LOCALES, withLocale } from "@/lib/i18n/locales";
import { currentLocale, currentPath, localPath } from "./_i18n/server";


/** The logo and the language switcher: the current page in each language (works without script). */
export async function SiteHeader() {
  const t = await getTranslations("layout");
  const locale = await currentLocale();
  const path = await currentPath();
  const home = await localPath("/");
  return (
    <header className="border-b border-slate-200 dark:border-slate-700">
      <div className="mx-auto flex w-full max-w-2xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <a href={home} className="flex min-h-11 items-center gap-2 rounded text-lg font-semibold tracking-tight focus-ring">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 text-brand-600 dark:text-sky-400" fill="none" stroke="currentColor" strokeWidth="2">
            <rect x="3" y="5" width="18" height="16" rx="3" />
            <path d="M3 10h18M8 3v4M16 3v4" strokeLinecap="round" />
            <path d="M10 14.5l2 2 4-4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Planado
        </a>
        <nav aria-label={t("language")}>
          <ul className="flex gap-1">
            {LOCALES.map((option) => (
              <li key={option}>
                <a
                  href={withLocale(path, option)}
                  lang={option}
                  hrefLang={option}
                  aria-current={option === locale ? "true" : undefined}
                  className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-3 text-sm font-medium text-slate-700 underline-offset-4 hover:underline focus-ring aria-[current=true]:bg-slate-100 aria-[current=true]:text-slate-900 dark:text-slate-300 dark:aria-[current=true]:bg-slate-800 dark:aria-[current=true]:text-slate-100"
                >
                  {t(`languages.${option}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
