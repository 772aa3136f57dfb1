// Plain <a> links, not next/link: pages render per request anyway, and next/link adds client code to every page.

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 dark:border-slate-700">
      <div className="mx-auto flex w-full max-w-2xl items-center px-4 py-3">
        <a href="/" className="flex items-center gap-2 rounded text-lg font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 text-brand-600" fill="none" stroke="currentColor" strokeWidth="2">
            <rect x="3" y="5" width="18" height="16" rx="3" />
            <path d="M3 10h18M8 3v4M16 3v4" strokeLinecap="round" />
            <path d="M10 14.5l2 2 4-4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Planado
        </a>
      </div>
    </header>
  );
}
