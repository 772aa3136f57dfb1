import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";
import { ErrorWordsProvider } from "./_i18n/error-words";
import { currentLocale } from "./_i18n/server";
import { SiteHeader } from "./site-header";
import { SiteFooter } from "./site-footer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: "%s · Planado" },
    description: t("description"),
    applicationName: "Planado",
    openGraph: { siteName: "Planado", title: t("title"), description: t("description"), type: "website" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172a" },
  ],
};


export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request (the language, and the nonce of the Content-Security-Policy in proxy.ts)
  // makes each page render per request, so Next can put that nonce on its scripts.
  const locale = await currentLocale();
  const t = await getTranslations("layout");
  const errors = await getTranslations("error");
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col bg-white font-sans text-slate-900 antialiased dark:bg-slate-900 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus-ring"
        >
          {t("skip")}
        </a>
        {/* The error page (a client component) needs its words; other client components get theirs
            where they are used (ClientMessages). */}
        <ErrorWordsProvider words={{ title: errors("title"), text: errors("text"), retry: errors("retry") }}>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-2xl flex-1 px-4 py-8 focus:outline-none sm:py-12">
            {children}
          </main>
          <SiteFooter />
        </ErrorWordsProvider>
      </body>
    </html>
  );
}
