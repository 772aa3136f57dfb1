"use client";
// Shown when a page fails (most often: the database stopped answering). Production builds never send
// the error's message or stack to the browser; this page says only what a visitor can do.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Planado is unavailable for a moment</h1>
      <p>Something went wrong on our side, most likely with the database. Your conference is safe. Please try again in a minute.</p>
      <button
        type="button"
        onClick={reset}
        className="min-h-12 rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-600/40"
      >
        Try again
      </button>
    </div>
  );
}
