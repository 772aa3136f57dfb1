/**
 * The wait page's script in a bare browser-like sandbox (node:vm) with clocks and timers a test
 * controls: what the tests of the script (countdown-script.test.ts) load it into.
 */
import { runInNewContext } from "node:vm";
import { COUNTDOWN_MESSAGES } from "@/lib/conferences/countdown";
import { START_FORMAT } from "@/lib/conferences/describe";
import { scriptWords } from "@/lib/i18n/compiled";
import { intlLocale } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { COUNTDOWN_SCRIPT } from "./countdown-script";

export const HREF = "/i/abcdefghijklmnopqrstuvwxyz?n=Choir&sig=abc";

/** The data the server hands the script (server/pages/invitation-html.tsx), for `ms` left. */
export function countdownData(ms: number, locale: Locale) {
  const words = scriptWords(locale, "countdown", COUNTDOWN_MESSAGES);
  return {
    ms,
    margin: 250,
    href: HREF,
    start: Date.UTC(2026, 11, 1, 8),
    zone: "Europe/Berlin",
    locale: intlLocale(locale),
    format: START_FORMAT,
    yourTime: "Your time:",
    words,
  };
}

export interface Page {
  shown: string;
  spoken: string;
  /** How often the script wrote each text. */
  writes: { shown: number; spoken: number };
  replaced: string[];
  timers: { at: number; run: () => void; every?: number }[];
  viewerTime?: string;
  viewerLabel?: string;
  viewerHidden: boolean;
  /** Whether the page's reload (meta refresh) is still there, and whether loading was stopped. */
  refreshing: boolean;
  stopped: boolean;
  /** Fires the page's load event. */
  loaded(): void;
  /** Moves both clocks on, running the timers that fall due. */
  advance(ms: number): void;
  /** Moves the device's clock alone (a device that slept while its monotonic clock stood still). */
  setDeviceClock(by: number): void;
  /** Puts both clocks where `msLeft` are left and runs the countdown's timer once there. */
  at(msLeft: number): Page;
}

export interface LoadOptions {
  locale?: Locale;
  /** Whether the browser has performance.now and Navigation Timing (old ones have neither, some only the first). */
  navigationTiming?: boolean | "clock only";
  browserZone?: string;
  /** How far the device's clock is off. */
  deviceClockOff?: number;
}

/** Runs the script on a page whose countdown says `ms` milliseconds are left. */
export function load(ms: number, options: LoadOptions = {}): Page {
  const { locale = "en", navigationTiming = true, browserZone = "America/New_York", deviceClockOff = 0 } = options;
  let clock = 1_000; // the page's monotonic clock (performance.now)
  let deviceOff = deviceClockOff;
  const data = countdownData(ms, locale);
  const writes = { shown: 0, spoken: 0 };
  const element = (id: string) => {
    let text = "";
    return {
      id,
      get textContent() {
        return text;
      },
      set textContent(value: string) {
        if (id === "countdown-shown") writes.shown++;
        if (id === "countdown-spoken") writes.spoken++;
        text = value;
      },
      attributes: { hidden: "" } as Record<string, string>,
      removeAttribute(name: string) {
        delete this.attributes[name];
      },
      text: id === "countdown-data" ? JSON.stringify(data) : "",
    };
  };
  const elements: Record<string, ReturnType<typeof element> | undefined> = Object.fromEntries(
    ["countdown-data", "countdown-shown", "countdown-spoken", "viewer-time", "viewer-time-label", "viewer-time-value"].map((id) => [id, element(id)]),
  );
  const head = { removeChild: (child: unknown) => child === elements.refresh && delete elements.refresh };
  elements.refresh = Object.assign(element("refresh"), { parentNode: head });
  let onLoad: (() => void) | undefined;
  let stopped = false;
  const page: Page = {
    get shown() {
      return elements["countdown-shown"]!.textContent;
    },
    get spoken() {
      return elements["countdown-spoken"]!.textContent;
    },
    writes,
    replaced: [],
    timers: [],
    get viewerTime() {
      return elements["viewer-time-value"]!.textContent || undefined;
    },
    get viewerLabel() {
      return elements["viewer-time-label"]!.textContent || undefined;
    },
    get viewerHidden() {
      return "hidden" in elements["viewer-time"]!.attributes;
    },
    get refreshing() {
      return elements.refresh !== undefined;
    },
    get stopped() {
      return stopped;
    },
    loaded: () => onLoad?.(),
    advance(by) {
      const until = clock + by;
      for (;;) {
        const next = page.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        clock = next.at;
        if (next.every) next.at += next.every;
        else page.timers.splice(page.timers.indexOf(next), 1);
        next.run();
      }
      clock = until;
    },
    setDeviceClock(by) {
      deviceOff += by;
    },
    at(msLeft) {
      // The answer arrived at 200 on the page's clock (see performance below).
      clock = 200 + ms - msLeft;
      page.timers.find((t) => t.every)!.run();
      return page;
    },
  };
  const RealDateTimeFormat = Intl.DateTimeFormat;
  const sandbox = {
    window: {} as Record<string, unknown>,
    document: { getElementById: (id: string) => elements[id] ?? null, visibilityState: "visible", readyState: "interactive", addEventListener: () => {} },
    JSON,
    Math,
    String,
    // The device's clock: the page's clock, as far off as the device's.
    Date: class extends Date {
      constructor(...args: number[]) {
        super(args.length ? args[0]! : 1_700_000_000_000 + clock + deviceOff);
      }
    },
    // The browser's zone, whether asked for it or used to format (`new` or not, as Intl allows).
    Intl: {
      DateTimeFormat: function (locale?: string, opts?: Intl.DateTimeFormatOptions) {
        return locale === undefined
          ? { resolvedOptions: () => ({ timeZone: browserZone }) }
          : new RealDateTimeFormat(locale, { ...opts, timeZone: browserZone });
      },
    },
  };
  Object.assign(sandbox.window, {
    JSON,
    Intl: sandbox.Intl,
    // The response began to arrive 200 ms after navigation started; the script runs at 1,000.
    performance:
      navigationTiming === "clock only"
        ? { now: () => clock }
        : navigationTiming
          ? { now: () => clock, timing: { navigationStart: 5_000_000, responseStart: 5_000_200 } }
          : undefined,
    location: { href: "http://planado.test/i/x?utm=1", replace: (url: string) => page.replaced.push(url) },
    setInterval: (run: () => void, every: number) => page.timers.push({ at: clock + every, run, every }),
    setTimeout: (run: () => void, delay: number) => {
      const timer = { at: clock + delay, run };
      page.timers.push(timer);
      return timer;
    },
    clearTimeout: (timer: unknown) => {
      const at = page.timers.indexOf(timer as Page["timers"][number]);
      if (at >= 0) page.timers.splice(at, 1);
    },
    addEventListener: (type: string, listener: () => void) => type === "load" && (onLoad = listener),
    stop: () => (stopped = true),
  });
  runInNewContext(COUNTDOWN_SCRIPT, sandbox);
  return page;
}
