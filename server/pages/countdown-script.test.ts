/**
 * The wait page's script: valid ES5 (for browsers from about 2012 on), allowed by the hash the page's
 * policy names, saying what the server says for any time left in every language, and doing its job
 * in a bare browser-like sandbox with clocks the test controls.
 */
import { parse } from "acorn";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countdownAnnouncement, remainingText } from "@/lib/conferences/countdown";
import { LOCALES } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { hashSource } from "@/lib/security/csp";
import { COUNTDOWN_SCRIPT, COUNTDOWN_SCRIPT_HASH } from "./countdown-script";
import { HREF, load } from "./countdown-sandbox";

describe("the countdown script", () => {
  it("is ES5, as written and as sent, and small", () => {
    const source = readFileSync(new URL("./countdown.es5.js", import.meta.url), "utf8");
    for (const text of [source, COUNTDOWN_SCRIPT]) expect(() => parse(text, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // Something newer is refused, so the check above can fail.
    expect(() => parse("let x = () => 1;", { ecmaVersion: 5 })).toThrow();
    expect(COUNTDOWN_SCRIPT_HASH).toBe(hashSource(COUNTDOWN_SCRIPT));
    expect(COUNTDOWN_SCRIPT).not.toMatch(/<\/script/i);
    expect(Buffer.byteLength(COUNTDOWN_SCRIPT)).toBeLessThan(3072);
  });
});

/** Seconds left worth checking: every second of the last two hours, every minute of three days, then hours and days up to ten years. */
function checkpoints(): number[] {
  const seconds: number[] = [];
  for (let s = 0; s <= 7_300; s++) seconds.push(s);
  for (let m = 120; m <= 3 * 1440; m++) seconds.push(m * 60 - 1, m * 60, m * 60 + 1);
  for (let h = 72; h <= 40 * 24; h++) seconds.push(h * 3600 - 1, h * 3600, h * 3600 + 1799);
  for (let d = 40; d <= 3_660; d++) seconds.push(d * 86_400 - 1, d * 86_400 + 13 * 3600);
  return seconds;
}

describe("the countdown's words", () => {
  it.each(LOCALES)("are what the server says, for any time left up to ten years (%s)", (locale) => {
    const page = load(3_700 * 86_400_000, { locale });
    const t = translator(locale);
    const wrong: string[] = [];
    for (const seconds of checkpoints()) {
      const ms = seconds * 1000 - 400; // within the second: the clock shows it rounded up
      page.at(ms);
      const expected = [remainingText(ms, t), countdownAnnouncement(ms, t)];
      if (page.shown !== expected[0] || page.spoken !== expected[1]) wrong.push(`${seconds} s: ${page.shown} | ${page.spoken} ≠ ${expected.join(" | ")}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("would notice a wrong word: the Arabic plural forms differ", () => {
    const page = load(3_700 * 86_400_000, { locale: "ar" });
    // One, two, few (3–10), many (11–99) and other (100…) days: five forms.
    const forms = [1, 2, 3, 11, 100].map((days) => page.at(days * 86_400_000 + 500).spoken);
    expect(new Set(forms).size).toBe(5);
    expect(page.at(2 * 60_000).spoken).toBe("يبدأ الاجتماع بعد دقيقتين.");
  });
});

describe("the countdown on the page", () => {
  it("counts down from the answer and goes to the invitation's own address just after the start", () => {
    const page = load(5_000);
    // The answer arrived at 200 on the page's clock; the script runs at 1,000: 4.2 s are left.
    expect(page.shown).toBe("00:05");
    expect(page.spoken).toBe("The conference is starting.");
    page.advance(1_000);
    expect(page.shown).toBe("00:04");
    page.advance(3_400); // 5,400: the start passed 200 ms ago
    expect(page.replaced).toEqual([]);
    page.advance(60); // 5,460 > 5,200 + 250
    expect(page.replaced).toEqual([HREF]);
    page.advance(5_000);
    expect(page.replaced).toHaveLength(1);
  });

  it("keeps counting for the whole wait (not only the first 35 seconds), and speaks only when its words change", () => {
    const page = load(10 * 60_000);
    const spoken = new Set<string>([page.spoken]);
    for (let second = 1; second <= 600; second++) {
      page.advance(1_000);
      expect(page.shown).toBe(remainingText(10 * 60_000 - 800 - second * 1000, translator("en")));
      spoken.add(page.spoken);
    }
    // 10 minutes … 1 minute, less than a minute, starting: each written once.
    expect(spoken.size).toBe(12);
    expect(page.writes.spoken).toBe(12);
    expect(page.writes.shown).toBe(601); // once a second, 10:00 to 00:00
    expect(page.replaced).toEqual([HREF]);
  });

  it("without Navigation Timing (an old browser), counts from when it runs", () => {
    const page = load(3_000, { navigationTiming: false });
    page.advance(3_200);
    expect(page.replaced).toEqual([]);
    page.advance(100);
    expect(page.replaced).toHaveLength(1);
  });

  it("with a monotonic clock but no Navigation Timing, counts from when it runs, and still counts the time a device slept", () => {
    const page = load(3_000, { navigationTiming: "clock only" });
    page.advance(3_200);
    expect(page.replaced).toEqual([]);
    page.advance(100);
    expect(page.replaced).toHaveLength(1);
    const sleeper = load(600_000, { navigationTiming: "clock only" });
    sleeper.setDeviceClock(300_000);
    sleeper.advance(250);
    expect(sleeper.shown).toBe("05:00");
  });

  it("sets no timer a browser would fire at once for a start weeks ahead, and stays put", () => {
    const page = load(40 * 86_400_000);
    expect(page.timers.every((t) => t.every !== undefined)).toBe(true);
    expect(page.shown).toBe("40 days");
    page.advance(60_000);
    expect(page.replaced).toEqual([]);
  });

  it("is not misled by a device clock an hour off either way", () => {
    for (const off of [3_600_000, -3_600_000]) {
      const page = load(120_000, { deviceClockOff: off });
      expect(page.shown).toBe("02:00");
      page.advance(60_000);
      expect(page.shown).toBe("01:00");
      page.advance(60_000);
      expect(page.replaced).toEqual([HREF]);
    }
  });

  it("counts the time a device slept with its monotonic clock and timers standing still, without asking the network", () => {
    const page = load(10 * 60_000);
    page.advance(1_000); // 10:00 - 1.8 s: "09:59"
    expect(page.shown).toBe("09:59");
    // Five minutes asleep: the device's clock moved on, the page's monotonic clock and timers did not.
    page.setDeviceClock(5 * 60_000);
    page.advance(250);
    expect(page.shown).toBe("04:58");
    expect(page.replaced).toEqual([]);
    // …and the start is where it was: the page goes there on time.
    page.advance(298_000 - 250 - 1_000);
    expect(page.replaced).toEqual([]);
    page.advance(1_500); // 250 ms past the start
    expect(page.replaced).toEqual([HREF]);
  });

  it("keeps counting right when the device's clock is set back while it waits", () => {
    const page = load(10 * 60_000);
    page.setDeviceClock(-3_600_000);
    page.advance(60_000);
    expect(page.shown).toBe("09:00");
    expect(page.replaced).toEqual([]);
  });

  it("stops the page's reload once it has loaded: the script does its work", () => {
    const page = load(60_000);
    expect(page.refreshing).toBe(true);
    page.loaded();
    expect(page.refreshing).toBe(false);
    expect(page.stopped).toBe(true);
  });

  it("shows the start in the browser's own zone when it is not the organizer's, label and all", () => {
    const away = load(60_000, { browserZone: "America/New_York" });
    expect(away.viewerHidden).toBe(false);
    expect(away.viewerLabel).toBe("Your time: ");
    expect(away.viewerTime).toBe("Tuesday, 1 December 2026 at 03:00 (America/New York)");
    const home = load(60_000, { browserZone: "Europe/Berlin" });
    expect(home.viewerHidden).toBe(true);
    expect(home.viewerLabel).toBeUndefined();
  });
});
