import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";
import { textDirection } from "@/lib/i18n/locales";
import { BODY_CLASS, SiteChrome } from "@/ui/site-chrome";
import { ErrorWordsProvider } from "./_i18n/error-words";
import { currentPath, currentWording, localPath } from "./_i18n/server";

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
  // Reading the request (the language, and the nonce of the Content-Security-Policy from lib/pipeline/)
  // makes each page render per request, so Next can put that nonce on its scripts.
  const wording = await currentWording();
  const errors = await getTranslations("error");
  return (
    <html lang={wording.locale} dir={textDirection(wording.locale)}>
      <body className={BODY_CLASS}>
        {/* The error page (a client component) needs its words; other client components get theirs
            where they are used (ClientMessages). */}
        <ErrorWordsProvider words={{ title: errors("title"), text: errors("text"), retry: errors("retry") }}>
          <SiteChrome wording={wording} path={await currentPath()} homeHref={await localPath("/")}>
            {children}
          </SiteChrome>
        </ErrorWordsProvider>
      </body>
    </html>
  );
}
