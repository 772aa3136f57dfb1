import { describe, expect, it } from "vitest";
import { pluralTable, scriptWords, thousandsSeparator } from "./compiled";
import { LOCALES } from "./locales";

const CATEGORY: Record<string, Intl.LDMLPluralRule> = { z: "zero", o: "one", t: "two", f: "few", m: "many", x: "other" };

describe("what a page's script needs to write a number as the server does", () => {
  it.each(LOCALES)("the plural table and the thousands separator are right for every number below 10,000 (%s)", (locale) => {
    const table = pluralTable(locale);
    const separator = thousandsSeparator(locale);
    const rules = new Intl.PluralRules(locale);
    const format = new Intl.NumberFormat(locale);
    const wrong: number[] = [];
    for (let n = 0; n < 10_000; n++) {
      const category = CATEGORY[table[n < 100 ? n : 100 + (n % 100)]!];
      const written = n >= 1000 ? `${String(n).slice(0, -3)}${separator}${String(n).slice(-3)}` : String(n);
      if (category !== rules.select(n) || written !== format.format(n)) wrong.push(n);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("compiles the messages asked for, and refuses one that does not exist", () => {
    const words = scriptWords("pl", "countdown", ["starting", "startsInMinutes"]);
    expect(words.messages.starting).toBe("Konferencja właśnie się rozpoczyna.");
    expect(words.messages.startsInMinutes).toEqual(["Konferencja rozpocznie się za ", ["minutes", 2, expect.objectContaining({ one: "minutę" })], "."]);
    expect(words.plural.slice(0, 6)).toBe("mofffm"); // 0 many, 1 one, 2–4 few, 5 many
    expect(() => scriptWords("en", "countdown", ["nothing"])).toThrow("No message countdown.nothing in en");
  });
});
