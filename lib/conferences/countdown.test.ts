import { describe, expect, it } from "vitest";
import { english, translator } from "../i18n/translate";
import { countdownAnnouncement, forwardDelay, FORWARD_MARGIN_MS, remainingText } from "./countdown";

describe("forwardDelay", () => {
  it("waits until just after the start", () => {
    expect(forwardDelay(5_000)).toBe(5_000 + FORWARD_MARGIN_MS);
    expect(forwardDelay(-10_000)).toBe(0);
  });

  it("sets no timer for a start beyond what a browser timer can hold (24.8 days)", () => {
    expect(forwardDelay(24 * 86_400_000)).toBe(24 * 86_400_000 + FORWARD_MARGIN_MS);
    expect(forwardDelay(30 * 86_400_000)).toBeUndefined();
    expect(forwardDelay(400 * 86_400_000)).toBeUndefined();
  });
});

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
