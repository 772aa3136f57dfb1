import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import { LOCALES, negotiateLocale, requestLocale, withLocale } from "./locales";
import { MESSAGES, translator } from "./translate";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["en-GB,en;q=0.9,de;q=0.8", "en"],
    ["ja-JP,ja;q=0.9,de;q=0.5", "de"],
    ["ja,ko", "en"],
    ["fr-CH,fr;q=0.9,en;q=0.8", "fr"],
    ["pt-BR,pt;q=0.9", "pt"],
    ["ar-EG,ar;q=0.9,en;q=0.5", "ar"],
    ["nl-BE, de;q=0.9", "nl"],
    ["en;q=0.4, de;q=0.6", "de"],
    ["de;q=0, en", "en"],
    ["*", "en"],
    ["DE-at", "de"],
  ])("%j → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("lets an explicit choice win, and ignores an unknown one", () => {
    expect(requestLocale("de", "en-US")).toEqual({ locale: "de", explicit: true });
    expect(requestLocale("ja", "de-DE")).toEqual({ locale: "de", explicit: false });
    expect(requestLocale("ar", "de-DE")).toEqual({ locale: "ar", explicit: true });
    expect(requestLocale(null, null)).toEqual({ locale: "en", explicit: false });
  });
});

describe("withLocale", () => {
  it("sets ?lang= and keeps the rest of the address", () => {
    expect(withLocale("/", "de")).toBe("/?lang=de");
    // The language first, where no browser mistakes "&lang" for a character reference.
    expect(withLocale("/a/x?n=Q%26A+%22x%22&booked=1", "de")).toBe("/a/x?lang=de&n=Q%26A+%22x%22&booked=1");
    expect(withLocale("/a/x?lang=de&n=y", "en")).toBe("/a/x?lang=en&n=y");
  });
});

describe("messages", () => {
  it("every key exists in every language, and no message is empty", () => {
    for (const [locale, messages] of Object.entries(MESSAGES)) expect(keys(messages).sort(), locale).toEqual(keys(en).sort());
    for (const messages of Object.values(MESSAGES)) {
      for (const key of keys(messages)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(String(value).trim(), key).not.toBe("");
      }
    }
  });

  it("every language is named in the switcher", () => {
    expect(Object.keys(en.layout.languages).sort()).toEqual([...LOCALES].sort());
  });

  it("every message formats in every language (placeholders and plurals are valid ICU)", () => {
    const values = {
      name: "X",
      max: 1,
      min: 1,
      date: "d",
      zone: "z",
      years: 1,
      minutes: 2,
      hours: 2,
      days: 2,
      seconds: 3,
      remaining: "r",
      when: "w",
      repeat: "r",
      url: "u",
      interval: "i",
      every: 2,
      unit: "week",
      repeats: "yes",
    };
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const key of keys(en)) expect(t(key, values), `${locale} ${key}`).not.toMatch(/^[a-z]+\.[a-zA-Z.-]+$/);
    }
  });

  it("speaks German", () => {
    const t = translator("de");
    expect(t("describe.interval", { unit: "week", every: 2 })).toBe("alle 2 Wochen");
    expect(t("countdown.days", { days: 1, hours: 3 })).toBe("1 Tag, 3 Stunden");
    expect(t("countdown.startsInDays", { days: 2, hours: 1 })).toBe("Die Konferenz beginnt in 2 Tagen und 1 Stunde.");
    expect(translator("en")("describe.interval", { unit: "day", every: 1 })).toBe("every day");
  });

  it("counts the way each language counts (CLDR plural forms)", () => {
    // Polish: 1 dzień, 2 dni, 5 dni; 2, 3, 4 godziny but 5 godzin.
    const pl = translator("pl");
    expect(pl("countdown.days", { days: 1, hours: 2 })).toContain("1 dzień");
    expect(pl("countdown.days", { days: 5, hours: 5 })).toMatch(/5 dni.*5 godzin\b/);
    expect(pl("countdown.days", { days: 22, hours: 22 })).toMatch(/22 dni.*22 godziny/);
    // Arabic has a dual: two days is one word, not "2 days".
    const ar = translator("ar");
    expect(ar("countdown.days", { days: 2, hours: 1 })).toMatch(/^يومان/);
    expect(ar("describe.interval", { unit: "week", every: 2 })).toBe("كل أسبوعين");
    // French says "1 jour" and "2 jours"; every language names the unit.
    expect(translator("fr")("countdown.days", { days: 2, hours: 1 })).toMatch(/2 jours/);
    for (const locale of LOCALES.filter((l) => l !== "ar")) expect(translator(locale)("describe.interval", { unit: "week", every: 3 }), locale).toContain("3");
  });

  it("names every language in its own words, the same in every file", () => {
    for (const messages of Object.values(MESSAGES)) expect(messages.layout.languages).toEqual(en.layout.languages);
    expect(en.layout.languages).toMatchObject({
      fr: "Français",
      es: "Español",
      it: "Italiano",
      nl: "Nederlands",
      pl: "Polski",
      pt: "Português",
      ar: "العربية",
    });
  });
});
