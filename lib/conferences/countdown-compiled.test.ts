import compile from "icu-minify/compile";
import { describe, expect, it } from "vitest";
import { countdownAnnouncement, remainingText } from "./countdown";
import { compiledTranslator } from "../i18n/compiled";
import type { CompiledTree } from "../i18n/compiled";
import type { Locale } from "../i18n/locales";
import { MESSAGES, translator } from "../i18n/translate";

/** What the build does to the message files (next-intl's precompile). */
function compileTree(tree: object): CompiledTree {
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === "string" ? compile(value) : compileTree(value as object)]));
}

describe("compiledTranslator", () => {
  it("says exactly what the full translator says, for the countdown in every language", () => {
    for (const [locale, messages] of Object.entries(MESSAGES) as [Locale, object][]) {
      const compiled = compiledTranslator(compileTree(messages), locale);
      const full = translator(locale);
      for (const ms of [0, 5_000, 30_000, 90_000, 3_599_000, 3_600_001, 5 * 3_600_000, 86_400_000, 2 * 86_400_000 + 1, 400 * 86_400_000]) {
        expect(remainingText(ms, compiled)).toBe(remainingText(ms, full));
        expect(countdownAnnouncement(ms, compiled)).toBe(countdownAnnouncement(ms, full));
      }
    }
  });

  it("shows a missing key as the key", () => {
    expect(compiledTranslator({}, "en")("countdown.nothing")).toBe("countdown.nothing");
  });
});
