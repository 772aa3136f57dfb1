/**
 * Whether the server's secret is strong enough to stand a stolen database. The database keeps a
 * fingerprint of the secret (and hashes keyed by it), so whoever has a copy can test guesses of the
 * secret offline, as fast as their hardware goes: only a secret nobody can guess stands that.
 *
 * The measure: at least 128 bits by a character-class estimate (length times log2 of the alphabet
 * the character classes used span: lower case 26, upper case 26, digits 10, other ASCII 33, anything
 * else 100), after discounting what makes a secret guessable although long: a piece of three or
 * more characters that came before counts one character ("Sommer2026!Sommer2026!"), a run or a
 * sequence counts one ("aaaa", "0123456789"), a word people put in secrets counts one ("secret",
 * "changeme"…), and any other word-shaped run (a capital and small letters: "School", with the space
 * or dash after it) counts as a word from a dictionary, 16 bits. `openssl rand -base64 32`
 * gives about 250 bits; `openssl rand -hex 32` about 300. An estimate: it catches what hand-made
 * secrets usually are, not every guessable phrase; what is asked for is a secret made by a generator.
 *
 * (A password-strength library such as zxcvbn would also do, but its dictionaries weigh megabytes in a
 * server that keeps its memory small, to judge one string once at start-up; a secret is not a
 * password people remember, so the generic estimate above is what matters.)
 */

export const MINIMUM_SECRET_BITS = 128;

/** Words that turn up in hand-made secrets (lower case; matched in any case). */
const GUESSABLE_WORDS = [
  "password",
  "passwort",
  "secret",
  "changeme",
  "change",
  "planado",
  "example",
  "letmein",
  "qwerty",
  "admin",
  "test",
  "default",
  "jitsi",
];

function classPool(secret: string): number {
  let pool = 0;
  if (/[a-z]/.test(secret)) pool += 26;
  if (/[A-Z]/.test(secret)) pool += 26;
  if (/[0-9]/.test(secret)) pool += 10;
  if (/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(secret)) pool += 33;
  if (/[^\x20-\x7e]/.test(secret)) pool += 100;
  return pool;
}

/** At most this much of a secret is judged (a longer one is strong or weak by then). */
const JUDGED_LENGTH = 256;

/** What a word costs to guess: one of some 65,000 in a dictionary. */
const WORD_BITS = 16;

/** A word as people write one inside a secret: an optional capital, then three or more small letters (and the space or dash after it). */
const WORD_SHAPE = /^[A-Z]?[a-z]{3,}[ ._-]?/;

/** The length of the longest piece (three characters or more) at `at` that began before it, else 0. */
function repeatedAt(text: string, at: number): number {
  if (at === 0) return 0;
  let length = 0;
  while (at + length < text.length && text.lastIndexOf(text.slice(at, at + length + 1), at - 1) !== -1) length++;
  return length >= 3 ? length : 0;
}

/** The estimate in bits (see above). */
export function secretBits(secret: string): number {
  const text = secret.slice(0, JUDGED_LENGTH);
  const pool = classPool(text);
  if (pool <= 1) return 0;
  const perCharacter = Math.log2(pool);
  let bits = 0;
  let previous: number | undefined;
  for (let at = 0; at < text.length;) {
    // A common word, or a piece that came before, counts as one character.
    const piece = GUESSABLE_WORDS.find((word) => text.slice(at, at + word.length).toLowerCase() === word)?.length || repeatedAt(text, at);
    if (piece) {
      bits += perCharacter;
      at += piece;
      previous = undefined;
      continue;
    }
    // A word-shaped run counts as a dictionary word, or its characters if that is less.
    const word = WORD_SHAPE.exec(text.slice(at))?.[0];
    if (word) {
      bits += Math.min(WORD_BITS, word.length * perCharacter);
      at += word.length;
      previous = undefined;
      continue;
    }
    // A run or a step-by-one sequence counts its first character only.
    const code = text.codePointAt(at)!;
    const step = previous === undefined ? Number.NaN : code - previous;
    if (step !== 0 && step !== 1 && step !== -1) bits += perCharacter;
    previous = code;
    at += code > 0xffff ? 2 : 1;
  }
  return bits;
}

/** Why the secret is too weak, in words for the operator (never quoting it), or undefined when it is strong. */
export function secretWeakness(secret: string): string | undefined {
  const bits = Math.floor(secretBits(secret));
  if (bits >= MINIMUM_SECRET_BITS) return undefined;
  return `it holds about ${bits} bits of randomness by a character-class estimate, fewer than the ${MINIMUM_SECRET_BITS} needed (runs, sequences, repeats and words count little)`;
}
