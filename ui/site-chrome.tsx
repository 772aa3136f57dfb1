/**
 * What surrounds every page: the skip link, the header with the language switcher, the main area and
 * the footer. Plain components of their arguments (no Next.js, no request), so the app's layout and
 * our own server's fast pages (server/pages/) render the same markup.
 */
import type { ReactNode } from "react";
import { LOCALES, withLocale } from "@/lib/i18n/locales";
import type { Wording } from "@/lib/i18n/translate";

/** The <body>'s classes, for both ways pages are rendered. */
export const BODY_CLASS = "flex min-h-dvh flex-col bg-white font-sans text-slate-900 antialiased dark:bg-slate-900 dark:text-slate-100";

export interface ChromeProps {
  wording: Wording;
  /** The current page's path and query (the switcher links to it in each language). */
  path: string;
  /** The home page, with the visitor's explicit language when there is one. */
  homeHref: string;
}

function SiteHeader({ wording: { t, locale }, path, homeHref }: ChromeProps) {
  return (
    <header className="border-b border-slate-200 dark:border-slate-700">
      <div className="mx-auto flex w-full max-w-2xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <a href={homeHref} className="flex min-h-11 items-center gap-2 rounded text-lg font-semibold tracking-tight focus-ring">
          {/* width and height for browsers that cannot read the stylesheet (it needs a 2023 browser). */}
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            width="28"
            height="28"
            className="h-7 w-7 text-brand-600 dark:text-sky-400"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <rect x="3" y="5" width="18" height="16" rx="3" />
            <path d="M3 10h18M8 3v4M16 3v4" strokeLinecap="round" />
            <path d="M10 14.5l2 2 4-4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Planado
        </a>
        {/* The current page in each language: works without script, and nothing is stored. */}
        <nav aria-label={t("layout.language")}>
          <ul className="flex flex-wrap gap-1">
            {LOCALES.map((option) => (
              // inline-block: side by side in engines without flexbox too (a flex item is a block anyway).
              <li key={option} className="inline-block">
                <a
                  href={withLocale(path, option)}
                  lang={option}
                  hrefLang={option}
                  aria-current={option === locale ? "true" : undefined}
                  className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-2 text-sm font-medium text-slate-700 underline-offset-4 hover:underline focus-ring aria-[current=true]:bg-slate-100 aria-[current=true]:text-slate-900 dark:text-slate-300 dark:aria-[current=true]:bg-slate-800 dark:aria-[current=true]:text-slate-100"
                >
                  {t(`layout.languages.${option}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** The skip link, header, main area (holding `children`) and footer. */
export function SiteChrome({ children, ...props }: ChromeProps & { children: ReactNode }) {
  const { t } = props.wording;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus-ring"
      >
        {t("layout.skip")}
      </a>
      <SiteHeader {...props} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-2xl flex-1 px-4 py-8 focus:outline-none sm:py-12">
        {children}
      </main>
      <footer className="border-t border-slate-200 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        <div className="mx-auto w-full max-w-2xl px-4 py-4">{t("layout.footer")}</div>
      </footer>
    </>
  );
}
