import { describe, expect, it } from "vitest";
import { english, translator } from "../i18n/translate";
import { countdownAnnouncement, remainingText } from "./countdown";

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
  it("changes once a minute at most in the last hour, then for the last minute and the start", () => {
    const said = new Set<string>();
    for (let s = 600; s >= 0; s--) said.add(countdownAnnouncement(s * 1000, english));
    // 10 minutes: "10 minutes" … "1 minute", "less than a minute", "starting".
    expect(said.size).toBe(12);
    expect(countdownAnnouncement(90_000, english)).toBe("The conference starts in 1 minute.");
    expect(countdownAnnouncement(30_000, english)).toBe("The conference starts in less than a minute.");
    expect(countdownAnnouncement(5_000, english)).toBe("The conference is starting.");
  });

  it("speaks of hours when the start is far, once an hour", () => {
    const said = new Set<string>();
    for (let s = 5 * 3600; s > 3600; s -= 30) said.add(countdownAnnouncement(s * 1000, english));
    expect([...said]).toEqual([
      "The conference starts in 5 hours.",
      "The conference starts in 4 hours.",
      "The conference starts in 3 hours.",
      "The conference starts in 2 hours.",
      "The conference starts in 1 hour.",
    ]);
    expect(countdownAnnouncement(2 * 86_400_000 + 3_600_001, english)).toBe("The conference starts in 2 days, 1 hour.");
  });

  it("never disagrees with what is shown: the same units, rounded the same way", () => {
    for (const [ms, shown, spoken] of [
      [191_000, "03:11", "The conference starts in 3 minutes."],
      [60_000, "01:00", "The conference starts in 1 minute."],
      [59_001, "01:00", "The conference starts in 1 minute."],
      [59_000, "00:59", "The conference starts in less than a minute."],
      [3_599_001, "1 h 00 min", "The conference starts in 1 hour."],
      [3_599_000, "59:59", "The conference starts in 59 minutes."],
      [6 * 86_400_000 + 17 * 3_600_000 + 40 * 60_000, "6 days, 17 hours", "The conference starts in 6 days, 17 hours."],
    ] as const) {
      expect([remainingText(ms, english), countdownAnnouncement(ms, english)]).toEqual([shown, spoken]);
    }
  });
});

describe("in German", () => {
  const t = translator("de");
  it("counts down and announces in German", () => {
    expect(remainingText(2 * 86_400_000 + 3_600_000, t)).toBe("2 Tage, 1 Stunde");
    expect(remainingText(3 * 3_600_000 + 5 * 60_000, t)).toBe("3\u00a0Std. 05\u00a0Min.");
    expect(countdownAnnouncement(150_000, t)).toBe("Die Konferenz beginnt in 2 Minuten.");
    expect(countdownAnnouncement(5_000, t)).toBe("Die Konferenz beginnt jetzt.");
    expect(countdownAnnouncement(97 * 86_400_000 + 13.5 * 3_600_000, t)).toBe("Die Konferenz beginnt in 97 Tagen und 13 Stunden.");
    expect(countdownAnnouncement(2 * 3_600_000 + 1, t)).toBe("Die Konferenz beginnt in 2 Stunden.");
    // Whole days say no "0 hours".
    expect(remainingText(86_400_000, t)).toBe("1 Tag");
    expect(countdownAnnouncement(2 * 86_400_000, t)).toBe("Die Konferenz beginnt in 2 Tagen.");
    expect(remainingText(3 * 86_400_000, english)).toBe("3 days");
  });
});
