"use client";
/**
 * The live countdown of the wait page. It trusts the server's clock, not the device's: the server says
 * how many milliseconds were left when it answered, and the page measures time since then with the
 * monotonic performance clock, so a phone whose clock is wrong still forwards at the right second.
 */
import { useEffect, useState } from "react";
import { useHydrated } from "../../_components/use-hydrated";

// Arrive a little after the start rather than a little before (the server would only say "wait").
const SAFETY_MS = 250;

function remainingText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} day${days === 1 ? "" : "s"}, ${hours} hour${hours === 1 ? "" : "s"}`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/** What a screen reader hears: the minutes, then the last seconds; not every tick. */
function announcement(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total > 3600) return `The conference starts in ${remainingText(ms)}.`;
  if (total > 60) return `The conference starts in ${Math.ceil(total / 60)} minutes.`;
  if (total > 10) return "The conference starts in less than a minute.";
  return "The conference is starting.";
}

/** The start in the viewer's own zone, when it differs from the organizer's. */
function viewerTime(startsAt: string, organizerZone: string): string | undefined {
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!viewerZone || viewerZone === organizerZone) return undefined;
  const text = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" }).format(new Date(startsAt));
  return `${text} (${viewerZone.replaceAll("_", " ")})`;
}

export function Countdown({ msToOpen, startsAt, organizerZone }: { msToOpen: number; startsAt: string; organizerZone: string }) {
  const [left, setLeft] = useState(msToOpen);
  const hydrated = useHydrated();
  const localTime = hydrated ? viewerTime(startsAt, organizerZone) : undefined;

  useEffect(() => {
    // The server computed msToOpen when it answered, i.e. about when the response started to arrive.
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const deadline = (navigation?.responseStart || performance.now()) + msToOpen;
    const forward = () => window.location.replace(window.location.href);

    const interval = window.setInterval(() => setLeft(deadline - performance.now()), 1000);
    const timeout = window.setTimeout(forward, Math.max(0, deadline - performance.now() + SAFETY_MS));
    // After a while in the background (or asleep), timers may have stood still: ask the server again.
    let hiddenSince = 0;
    const onVisible = () => {
      if (document.visibilityState === "hidden") hiddenSince = Date.now();
      else if (hiddenSince && Date.now() - hiddenSince > 30_000) forward();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(interval);
      window.clearTimeout(timeout);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [msToOpen]);

  return (
    <div className="space-y-4">
      {localTime && (
        <p data-testid="viewer-time">
          <span className="font-medium">Your time: </span>
          {localTime}
        </p>
      )}
      <div className="rounded-2xl bg-slate-100 p-6 text-center dark:bg-slate-800">
        <p className="text-sm font-medium text-slate-600 dark:text-slate-300" id="countdown-label">
          Starts in
        </p>
        <p className="font-mono text-4xl font-bold tabular-nums sm:text-5xl" aria-labelledby="countdown-label" aria-live="off" data-testid="countdown">
          {remainingText(left)}
        </p>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement(left)}
      </p>
    </div>
  );
}
