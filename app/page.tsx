export default function HomePage() {
  return (
    <section aria-labelledby="intro-title" className="space-y-4">
      <h1 id="intro-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
        Book a Jitsi Meet conference in advance
      </h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">
        Jitsi rooms belong to whoever opens them first. Planado keeps your room name secret until the
        meeting starts: share the invitation link, and everyone is sent to the room at the right time.
      </p>
    </section>
  );
}
