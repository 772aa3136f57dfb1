/**
 * The conference name is never stored: it travels in links (`?n=`) and is shown on pages, in copied
 * text, e-mails and calendar files. Clean it once, the same way everywhere, so nothing in it can
 * break a page, a header or a line-based format, or hide in it unseen.
 */
import { NAME_MAX_LENGTH } from "./limits";

// C0/C1 control characters (CR, LF, tabs, NUL …), line and paragraph separators, and the bidi
// embedding/override/isolate characters that can make text display in a misleading order: each
// becomes a space (a line break between two words must not join them).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]+/g;

// What shows nothing, and so can hide in a name or turn its text around: every format character
// (Cf: direction marks, zero-width spaces and joiners, interlinear annotations, tags …) and every
// other default-ignorable one (the Hangul fillers, the combining grapheme joiner …), gone. Kept:
// ZWNJ and ZWJ (Persian and Indic spelling, emoji sequences), the variation selectors (emoji and
// text presentation, Mongolian shapes), and a subdivision flag's tags after the black flag (🏴 and
// a region's 3 to 7 tag letters or digits, then the cancel tag: England, Scotland, Wales), which is
// all the text a tag may carry. Kept too: the format characters that show (Unicode's prepended
// concatenation marks: the Arabic number, year and page signs, the end of ayah, the Syriac
// abbreviation mark, the Kaithi number signs), drawn over the digits that follow them.
const INVISIBLE =
  /(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{3,7}\u{E007F})|(?![\u200C\u200D\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}])[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

// Joiners at either end join nothing: a name of joiners alone would be an invisible one.
const LOOSE_ENDS = /^[\s\u200C\u200D]+|[\s\u200C\u200D]+$/g;

/** Replaces unsafe characters by spaces, removes invisible ones, collapses runs of spaces, trims. */
export function cleanName(raw: string): string {
  // (Removed before NFC: a combining grapheme joiner between two marks keeps them from composing.)
  return raw.replace(UNSAFE, " ").replace(INVISIBLE, "$1").normalize("NFC").replace(/\s+/g, " ").replace(LOOSE_ENDS, "");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The characters as a person counts them (an emoji or an accented letter is one), not UTF-16 units. */
function characters(text: string): string[] {
  return [...graphemes.segment(text)].map((s) => s.segment);
}

export function visibleLength(text: string): number {
  return characters(text).length;
}

/** A name as links carry it (`?n=`): cleaned, and cut to the longest name a booking accepts. */
export function nameFromLink(raw: string | string[] | undefined): string | undefined {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (!text) return undefined;
  const cleaned = cleanName(text);
  // No longer in UTF-16 units than the limit: no longer in characters either, nothing to cut.
  if (cleaned.length <= NAME_MAX_LENGTH) return cleaned || undefined;
  const name = characters(cleaned).slice(0, NAME_MAX_LENGTH).join("").replace(LOOSE_ENDS, "");
  return name || undefined;
}
