"use client";
import { useErrorWords } from "./_i18n/error-words";
// Shown when a page fails (most often: the database stopped answering). Production builds never send
// the error's message or stack to the browser; this page says only what a visitor can do.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useErrorWords();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{words.title}</h1>
      <p>{words.text}</p>
      <button
        type="button"
        onClick={reset}
        className="min-h-12 rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 focus-ring"
      >
        {words.retry}
      </button>
    </div>
  );
}
