/**
 * The wait page's script: valid ES5 (for browsers from about 2012 on), allowed by the hash the page's
 * policy names, and doing its job in a bare browser-like sandbox with a clock the test controls.
 */
import { START_FORMAT } from "@/lib/conferences/describe";
import { parse } from "acorn";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { countdownSteps } from "@/lib/conferences/countdown";
import { english } from "@/lib/i18n/translate";
import { hashSource } from "@/lib/security/csp";
import { COUNTDOWN_SCRIPT, COUNTDOWN_SCRIPT_HASH } from "./countdown-script";

describe("the countdown script", () => {
  it("is ES5, as written and as sent, and small", () => {
    const source = readFileSync(new URL("./countdown.es5.js", import.meta.url), "utf8");
    for (const text of [source, COUNTDOWN_SCRIPT]) expect(() => parse(text, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // Something newer is refused, so the check above can fail.
    expect(() => parse("let x = () => 1;", { ecmaVersion: 5 })).toThrow();
    expect(COUNTDOWN_SCRIPT_HASH).toBe(hashSource(COUNTDOWN_SCRIPT));
    expect(COUNTDOWN_SCRIPT).not.toMatch(/<\/script/i);
    expect(Buffer.byteLength(COUNTDOWN_SCRIPT)).toBeLessThan(2048);
  });
});

interface Page {
  shown: string;
  spoken: string;
  replaced: string[];
  timers: { at: number; run: () => void; every?: number }[];
  viewerTime?: string;
  viewerHidden: boolean;
  /** Whether the page's reload (meta refresh) is still there, and whether loading was stopped. */
  refreshing: boolean;
  stopped: boolean;
  /** Fires the page's load event. */
  loaded(): void;
  /** Moves the page's clock on, running the timers that fall due. */
  advance(ms: number): void;
}

/**
 * Runs the script on a page whose countdown says `ms` milliseconds are left. `navigationTiming`:
 * whether the browser has performance.now and Navigation Timing (old ones have neither).
 */
function load(ms: number, options: { navigationTiming?: boolean; browserZone?: string; startsIn?: number } = {}): Page {
  const { navigationTiming = true, browserZone = "America/New_York" } = options;
  let clock = 1_000; // the page's monotonic clock (performance.now), also Date's here
  const steps = countdownSteps(Math.ceil(ms / 1000), 35, english);
  const data = { ms, margin: 250, start: Date.UTC(2026, 11, 1, 8), zone: "Europe/Berlin", locale: "en-GB", format: START_FORMAT, steps };
  const element = (id: string) => ({
    id,
    textContent: "",
    attributes: { hidden: "" } as Record<string, string>,
    removeAttribute(name: string) {
      delete this.attributes[name];
    },
    getAttribute: (name: string) => (name === "data-countdown" ? JSON.stringify(data) : null),
  });
  const elements: Record<string, ReturnType<typeof element> | undefined> = Object.fromEntries(
    ["countdown", "countdown-shown", "countdown-spoken", "viewer-time", "viewer-time-value"].map((id) => [id, element(id)]),
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
    replaced: [],
    timers: [],
    get viewerTime() {
      return elements["viewer-time-value"]!.textContent || undefined;
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
  };
  const RealDateTimeFormat = Intl.DateTimeFormat;
  const sandbox = {
    window: {} as Record<string, unknown>,
    document: { getElementById: (id: string) => elements[id] ?? null, visibilityState: "visible", readyState: "interactive", addEventListener: () => {} },
    JSON,
    Math,
    // The device's clock: the page's clock here (the script only ever subtracts two readings).
    Date: class extends Date {
      constructor(...args: number[]) {
        super(args.length ? args[0]! : clock);
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
    performance: navigationTiming ? { now: () => clock, timing: { navigationStart: 5_000_000, responseStart: 5_000_200 } } : undefined,
    location: { href: "http://planado.test/i/x", replace: (url: string) => page.replaced.push(url) },
    setInterval: (run: () => void, every: number) => page.timers.push({ at: clock + every, run, every }),
    setTimeout: (run: () => void, delay: number) => page.timers.push({ at: clock + delay, run }),
    addEventListener: (type: string, listener: () => void) => type === "load" && (onLoad = listener),
    stop: () => (stopped = true),
  });
  runInNewContext(COUNTDOWN_SCRIPT, sandbox);
  return page;
}

describe("the countdown on the page", () => {
  it("counts down in the server's words and goes to the room just after the start, measured from the answer", () => {
    const page = load(5_000);
    // The answer arrived at 200 on the page's clock; the script runs at 1,000: 4.2 s are left.
    expect(page.shown).toBe("00:05");
    page.advance(1_000);
    expect(page.shown).toBe("00:04");
    expect(page.spoken).toBe("The conference is starting.");
    page.advance(3_400); // 5,400: the start passed 200 ms ago
    expect(page.replaced).toEqual([]);
    page.advance(60); // 5,460 > 5,200 + 250
    expect(page.replaced).toEqual(["http://planado.test/i/x"]);
    page.advance(5_000);
    expect(page.replaced).toHaveLength(1);
  });

  it("without Navigation Timing (an old browser), counts from when it runs", () => {
    const page = load(3_000, { navigationTiming: false });
    page.advance(3_200);
    expect(page.replaced).toEqual([]);
    page.advance(100);
    expect(page.replaced).toHaveLength(1);
  });

  it("sets no timer a browser would fire at once for a start weeks ahead, and stays put", () => {
    const page = load(40 * 86_400_000);
    expect(page.timers.every((t) => t.every !== undefined)).toBe(true);
    expect(page.shown).toBe("40 days");
    page.advance(60_000);
    expect(page.replaced).toEqual([]);
  });

  it("stops the page's reload once it has loaded: the script does its work", () => {
    const page = load(60_000);
    expect(page.refreshing).toBe(true);
    page.loaded();
    expect(page.refreshing).toBe(false);
    expect(page.stopped).toBe(true);
  });

  it("shows the start in the browser's own zone when it is not the organizer's", () => {
    const away = load(60_000, { browserZone: "America/New_York" });
    expect(away.viewerHidden).toBe(false);
    expect(away.viewerTime).toBe("Tuesday, 1 December 2026 at 03:00 (America/New York)");
    const home = load(60_000, { browserZone: "Europe/Berlin" });
    expect(home.viewerHidden).toBe(true);
  });
});
