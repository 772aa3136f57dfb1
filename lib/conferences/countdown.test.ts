import { describe, expect, it } from "vitest";
import { english, translator } from "../i18n/translate";
import { countdownAnnouncement, countdownSteps, remainingText } from "./countdown";

describe("remainingText", () => {
  it.each([
    [0, "00:00"],
    [999, "00:01"],
    [59_001, "01:00"],
    [299_000, "04:59"],
    [3_599_000, "59:59"],
    [3_600_000, "1 h 00 min"],
    [3 * 3_600_000 + 5 * 60_000, "3 h 05 min"],
    [86_399_000, "23 h 59 min"],
    [86_400_000, "1 day"],
    [2 * 86_400_000 + 3 * 3_600_000, "2 days, 3 hours"],
  ])("%i ms reads %s", (ms, text) => {
    expect(remainingText(ms, english)).toBe(text);
  });
});

describe("countdownAnnouncement", () => {
  it("changes once a minute at most, then for the last minute and the start", () => {
    const said = new Set<string>();
    for (let s = 600; s >= 0; s--) said.add(countdownAnnouncement(s * 1000, english));
    // 10 minutes: "10 minutes" … "2 minutes", "less than a minute", "starting".
    expect(said.size).toBe(11);
    expect(countdownAnnouncement(90_000, english)).toBe("The conference starts in 2 minutes.");
    expect(countdownAnnouncement(30_000, english)).toBe("The conference starts in less than a minute.");
    expect(countdownAnnouncement(5_000, english)).toBe("The conference is starting.");
  });

  it("speaks of hours when the start is far", () => {
    expect(countdownAnnouncement(2 * 86_400_000 + 1, english)).toBe("The conference starts in 2 days, 1 hour.");
    expect(countdownAnnouncement(5 * 3_600_000 - 1, english)).toBe("The conference starts in 5 hours.");
  });
});

describe("in German", () => {
  const t = translator("de");
  it("counts down and announces in German", () => {
    expect(remainingText(2 * 86_400_000 + 3_600_000, t)).toBe("2 Tage, 1 Stunde");
    expect(remainingText(3 * 3_600_000 + 5 * 60_000, t)).toBe("3\u00a0Std. 05\u00a0Min.");
    expect(countdownAnnouncement(90_000, t)).toBe("Die Konferenz beginnt in 2 Minuten.");
    expect(countdownAnnouncement(5_000, t)).toBe("Die Konferenz beginnt jetzt.");
    expect(countdownAnnouncement(97 * 86_400_000 + 13.5 * 3_600_000, t)).toBe("Die Konferenz beginnt in 97 Tagen und 14 Stunden.");
    expect(countdownAnnouncement(3_600_000 + 1, t)).toBe("Die Konferenz beginnt in 2 Stunden.");
    // Whole days say no "0 hours".
    expect(remainingText(86_400_000, t)).toBe("1 Tag");
    expect(countdownAnnouncement(2 * 86_400_000, t)).toBe("Die Konferenz beginnt in 2 Tagen.");
    expect(remainingText(3 * 86_400_000, english)).toBe("3 days");
  });
});

describe("countdownSteps", () => {
  it("lists every second while the clock shows seconds, with what a screen reader hears", () => {
    const steps = countdownSteps(62, 4, english);
    expect(steps).toEqual([
      [62, "01:02", "The conference starts in 2 minutes."],
      [61, "01:01", "The conference starts in 2 minutes."],
      [60, "01:00", "The conference starts in less than a minute."],
      [59, "00:59", "The conference starts in less than a minute."],
      [58, "00:58", "The conference starts in less than a minute."],
    ]);
  });

  it("lists only the changes when the words hold for longer, and stops at zero", () => {
    expect(countdownSteps(40 * 86_400 - 100, 35, english)).toEqual([[40 * 86_400 - 100, "39 days, 23 hours", "The conference starts in 40 days."]]);
    const aroundHour = countdownSteps(3600 + 10, 30, english);
    expect(aroundHour.slice(0, 3)).toEqual([
      [3610, "1 h 00 min", "The conference starts in 2 hours."],
      [3600, "1 h 00 min", "The conference starts in 60 minutes."],
      [3599, "59:59", "The conference starts in 60 minutes."],
    ]);
    expect(aroundHour.map(([s]) => s).slice(2)).toEqual(Array.from({ length: 20 }, (_, i) => 3599 - i));
    expect(countdownSteps(3, 30, english).map(([s]) => s)).toEqual([3, 2, 1, 0]);
  });

  it("speaks the visitor's language", () => {
    expect(countdownSteps(2 * 86_400 + 7200, 5, translator("de"))[0]).toEqual([2 * 86_400 + 7200, "2 Tage, 2 Stunden", expect.stringContaining("2 Tagen")]);
  });
});
