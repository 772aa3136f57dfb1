"use client";
/**
 * The live countdown of the wait page. It trusts the server's clock, not the device's: the server says
 * how many milliseconds were left when it answered, and the page measures time since then with the
 * monotonic performance clock, so a phone whose clock is wrong still forwards at the right second.
 */
// Not next-intl here: this page is the one everybody opens at the start, on any phone, so it gets
// the compiled messages it needs and a tiny formatter (see lib/i18n/compiled.ts).
import { useEffect, useMemo, useState } from "react";
import { compiledTranslator } from "@/lib/i18n/compiled";
import type { CompiledTree } from "@/lib/i18n/compiled";
import { intlLocale } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { countdownAnnouncement, FORWARD_MARGIN_MS, forwardDelay, remainingText } from "@/lib/conferences/countdown";
import { useHydrated } from "../../_components/use-hydrated";

/** The start in the viewer's own zone (in the page's language), when it differs from the organizer's. */
function viewerTime(startsAt: string, organizerZone: string, locale: Locale): string | undefined {
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!viewerZone || viewerZone === organizerZone) return undefined;
  const text = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "full", timeStyle: "short" }).format(new Date(startsAt));
  return `${text} (${viewerZone.replaceAll("_", " ")})`;
}

interface Props {
  msToOpen: number;
  startsAt: string;
  organizerZone: string;
  locale: Locale;
  /** The compiled messages it needs (countdown.*, invitation.yourTime and .startsIn). */
  messages: CompiledTree;
}

export function Countdown({ msToOpen, startsAt, organizerZone, locale, messages }: Props) {
  const [left, setLeft] = useState(msToOpen);
  const hydrated = useHydrated();
  const t = useMemo(() => compiledTranslator(messages, intlLocale(locale)), [messages, locale]);
  const localTime = hydrated ? viewerTime(startsAt, organizerZone, locale) : undefined;

  useEffect(() => {
    // The server computed msToOpen when it answered, i.e. about when the response started to arrive.
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const deadline = (navigation?.responseStart || performance.now()) + msToOpen;
    const forward = () => window.location.replace(window.location.href);

    const interval = window.setInterval(() => {
      const remaining = deadline - performance.now();
      setLeft(remaining);
      // A start too far ahead for one timer is caught here, once it has come near enough.
      if (remaining <= -FORWARD_MARGIN_MS) forward();
    }, 1000);
    const delay = forwardDelay(deadline - performance.now());
    const timeout = delay === undefined ? undefined : window.setTimeout(forward, delay);
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
          <span className="font-medium">{t("invitation.yourTime")} </span>
          {localTime}
        </p>
      )}
      <div className="rounded-2xl bg-slate-100 p-6 text-center dark:bg-slate-800">
        <p className="text-sm font-medium text-slate-600 dark:text-slate-300" id="countdown-label">
          {t("invitation.startsIn")}
        </p>
        {/* A timer, which may be named (a plain paragraph may not); it is silent by itself: the
            announcement below speaks now and then, not every second. */}
        <p role="timer" className="font-mono text-4xl font-bold tabular-nums sm:text-5xl" aria-labelledby="countdown-label" aria-live="off" data-testid="countdown">
          {remainingText(left, t)}
        </p>
      </div>
      <p className="sr-only" aria-live="polite">
        {countdownAnnouncement(left, t)}
      </p>
    </div>
  );
}
