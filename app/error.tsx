"use client";
import { useErrorWords } from "./_i18n/error-words";
import { primaryActionButton } from "@/ui/button";
import { pageTitle } from "@/ui/typography";
// Shown when a page fails by a bug of ours (500; Next logs it once). A database that is away is not a
// bug and does not end here: the page sends the visitor to the request pipeline's friendly 503 (see
// app/_shared/visitor.ts, lib/failures.ts). Production builds never send the error's message or stack
// to the browser; this page says only what a visitor can do.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useErrorWords();
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{words.title}</h1>
      <p>{words.text}</p>
      <button type="button" onClick={reset} className={primaryActionButton}>
        {words.retry}
      </button>
    </div>
  );
}
