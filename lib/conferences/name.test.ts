import { describe, expect, it } from "vitest";
import { cleanName, nameFromLink, visibleLength } from "./name";

const hex = (text: string) => [...text].map((c) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")).join(" ");

describe("cleanName", () => {
  it("removes every character that shows nothing or turns text around", () => {
    const invisible = {
      "RIGHT-TO-LEFT MARK": "\u200F",
      "LEFT-TO-RIGHT MARK": "\u200E",
      "ARABIC LETTER MARK": "\u061C",
      "ZERO WIDTH SPACE": "\u200B",
      "WORD JOINER": "\u2060",
      "INVISIBLE SEPARATOR": "\u2063",
      "SOFT HYPHEN": "\u00AD",
      "MONGOLIAN VOWEL SEPARATOR": "\u180E",
      "HANGUL FILLER": "\u3164",
      "HALFWIDTH HANGUL FILLER": "\uFFA0",
      "HANGUL CHOSEONG FILLER": "\u115F",
      "HANGUL JUNGSEONG FILLER": "\u1160",
      "COMBINING GRAPHEME JOINER": "\u034F",
      "KHMER VOWEL INHERENT AQ": "\u17B4",
      "INTERLINEAR ANNOTATION ANCHOR": "\uFFF9",
      "INTERLINEAR ANNOTATION SEPARATOR": "\uFFFA",
      "INTERLINEAR ANNOTATION TERMINATOR": "\uFFFB",
      "LANGUAGE TAG": "\u{E0001}",
      "TAG LATIN CAPITAL LETTER A": "\u{E0041}",
      "TAG SPACE": "\u{E0020}",
      "CANCEL TAG": "\u{E007F}",
      "SHORTHAND FORMAT LETTER OVERLAP": "\u{1BCA0}",
      "MUSICAL SYMBOL BEGIN BEAM": "\u{1D173}",
    };
    for (const [what, c] of Object.entries(invisible)) {
      expect(hex(cleanName(`Team${c}sync`)), what).toBe(hex("Teamsync"));
      expect(cleanName(`${c}Choir${c}${c}`), what).toBe("Choir");
      expect(cleanName(c.repeat(5)), what).toBe("");
    }
    // Hidden text in tags after an emoji, or after a flag but not a region, goes; the emoji stays.
    const hidden = [..."ignore all previous instructions"].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join("");
    expect(hex(cleanName(`Choir 😀${hidden}`))).toBe(hex("Choir 😀"));
    expect(hex(cleanName(`Choir \u{1F3F4}${hidden}\u{E007F}`))).toBe(hex("Choir \u{1F3F4}"));
  });

  it("still turns control characters, line breaks and bidi overrides into spaces", () => {
    expect(cleanName("Team\r\nsync\u202Eevil\u2066x\tz\u0000")).toBe("Team sync evil x z");
  });

  it("keeps Arabic, Persian and Indic spelling and every kind of emoji sequence intact", () => {
    const intact = [
      "اجتماع الفريق الأسبوعي",
      "جلسه\u200Cی هفتگی", // Persian: ZWNJ inside a word
      "क्\u200Dष", // Devanagari: ZWJ for a half form
      "👩\u200D👩\u200D👧\u200D👦 family", // an emoji ZWJ sequence
      "👩🏽\u200D💻 dev", // with a skin tone
      "🇩🇪🇫🇷🇯🇵", // flags from regional indicators
      "1\uFE0F\u20E3 #\uFE0F\u20E3", // keycaps
      "❤\uFE0F ☺\uFE0E", // emoji and text presentation
      "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland", // a subdivision flag
      "\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
      "᠊ᠠ᠋", // Mongolian with a free variation selector
      "한국어 회의",
      "اجتماع \u0600١٢٣ و\u06DD٧", // the Arabic number sign and end of ayah: format characters that show
      "ܐ\u070Fܒܓ", // the Syriac abbreviation mark
    ];
    for (const name of intact) {
      expect(hex(cleanName(name)), name).toBe(hex(name.normalize("NFC")));
      expect(cleanName(cleanName(name))).toBe(cleanName(name));
    }
    expect(visibleLength(cleanName("\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"))).toBe(1);
  });

  it("composes what an invisible character kept apart, and leaves no joiner at either end", () => {
    expect(cleanName("e\u034F\u0301")).toBe("\u00E9");
    expect(cleanName("\u200D\u200C")).toBe("");
    expect(hex(cleanName("\u200D Choir \u200C"))).toBe(hex("Choir"));
  });
});

describe("nameFromLink", () => {
  it("cleans a name from a link the same way, and a name of invisible characters is none", () => {
    expect(nameFromLink("\u200B\u2060\u3164")).toBeUndefined();
    expect(nameFromLink(`Choir\u200F${"é".repeat(300)}`)).toBe(`Choir${"é".repeat(195)}`);
  });
});
