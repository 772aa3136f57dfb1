import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/translate";
import { GLOBAL_ERROR_TEXTS } from "./global-error-texts";

describe("the last-resort error page", () => {
  it("says what the message files say, in every language", () => {
    for (const locale of LOCALES) {
      expect(GLOBAL_ERROR_TEXTS[locale], locale).toEqual({ title: MESSAGES[locale].error.title, text: MESSAGES[locale].error.text });
    }
  });
});
