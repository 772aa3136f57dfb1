"use client";
// The last resort when even the layout fails: a plain page, no details. Without the layout there is no
// language to ask for, so it says the little it says in every language Planado speaks.
import { textDirection } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { GLOBAL_ERROR_TEXTS } from "./_i18n/global-error-texts";

export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main>
          {Object.entries(GLOBAL_ERROR_TEXTS).map(([locale, { title, text }], index) => (
            <div key={locale} lang={locale} dir={textDirection(locale as Locale)}>
              {index === 0 ? <h1>{title}</h1> : <h2>{title}</h2>}
              <p>{text}</p>
            </div>
          ))}
        </main>
      </body>
    </html>
  );
}
