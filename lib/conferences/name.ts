/**
 * The conference name is never stored: it travels in links (`?n=`) and is shown on pages, in copied
 * text, e-mails and calendar files. Clean it once, the same way everywhere, so nothing in it can
 * break a page, a header or a line-based format.
 */
import { NAME_MAX_LENGTH } from "./limits";

// C0/C1 control characters (CR, LF, tabs, NUL …), line and paragraph separators, and the bidi
// embedding/override/isolate characters that can make text display in a misleading order.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]+/g;

/** Replaces unsafe characters by spaces, collapses runs of spaces, trims. */
export function cleanName(raw: string): string {
  return raw.normalize("NFC").replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
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
  const name = characters(cleaned).slice(0, NAME_MAX_LENGTH).join("").trim();
  return name || undefined;
}
