/**
 * The whole HTML document of a page our server renders itself (the participant's pages): the same
 * head as the app's pages (app/layout.tsx and Next's metadata), the same chrome (ui/), the built
 * stylesheet, and at most one inline script, allowed by its hash.
 */
import type { ReactNode } from "react";
import { BODY_CLASS, SiteChrome } from "@/ui/site-chrome";
import type { ChromeProps } from "@/ui/site-chrome";
import { textDirection } from "@/lib/i18n/locales";

export interface DocumentProps extends ChromeProps {
  /** The page's own title ("· Planado" follows). */
  title: string;
  description: string;
  /** A link preview (Open Graph) with the title and description. */
  preview?: boolean;
  /** Reload the page after this many seconds, from this address (<meta http-equiv="refresh">). */
  refresh?: { seconds: number; href: string };
  /** The participant's stylesheet (see server/assets.ts). */
  stylesheet: string;
  /** The text of one inline script at the end of the body. */
  script?: string;
  /**
   * Try the page again after this many seconds: a script (retryScript, allowed by its hash) where one
   * runs, else a <meta> refresh in <noscript> (kept out of pages with script, where assistive
   * technology announces it as a time limit), first in the head (see render.tsx).
   */
  retry?: number;
  children: ReactNode;
}

export function Document({ title, description, preview, stylesheet, script, children, ...chrome }: Omit<DocumentProps, "refresh" | "retry">) {
  return (
    <html lang={chrome.wording.locale} dir={textDirection(chrome.wording.locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="stylesheet" href={stylesheet} />
        <meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#0f172a" media="(prefers-color-scheme: dark)" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} · Planado`}</title>
        <meta name="description" content={description} />
        <meta name="application-name" content="Planado" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <meta name="robots" content="noindex, nofollow" />
        {/* Besides the Referrer-Policy header (strict-origin), for browsers from before it: "origin" is the one
            keyword both they and today's browsers know that keeps the header's promise, our origin and never a
            page's path (a capability), so Jitsi and other sites still never see a link. It differs from
            strict-origin only in naming our origin to a plain-http site too, which tells it nothing secret.
            ("never" would make our pages' posts say Origin: null, which our server refuses.) */}
        <meta name="referrer" content="origin" />
        {preview && (
          <>
            <meta property="og:title" content={title} />
            <meta property="og:description" content={description} />
            <meta property="og:site_name" content="Planado" />
            <meta property="og:type" content="website" />
            <meta name="twitter:card" content="summary" />
            <meta name="twitter:title" content={title} />
            <meta name="twitter:description" content={description} />
          </>
        )}
        <link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-icon.png" sizes="180x180" type="image/png" />
      </head>
      <body className={BODY_CLASS}>
        <SiteChrome {...chrome}>{children}</SiteChrome>
        {script && <script dangerouslySetInnerHTML={{ __html: script }} />}
      </body>
    </html>
  );
}
