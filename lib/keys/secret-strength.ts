/**
 * Whether the server's secret is strong enough to stand a stolen database. The database keeps a
 * fingerprint of the secret (and hashes keyed by it), so whoever has a copy can test guesses of the
 * secret offline, as fast as their hardware goes: only a secret nobody can guess stands that.
 *
 * The measure: at least 128 bits by a character-class estimate (length times log2 of the alphabet
 * the character classes used span: lower case 26, upper case 26, digits 10, other ASCII 33, anything
 * else 100), after discounting what makes a secret guessable although long: a repeated unit counts
 * once ("abcabcabc…"), a run or a sequence counts one character ("aaaa", "0123456789abcdef"), and a
 * word people put in secrets counts one ("secret", "password", "changeme"…). `openssl rand -base64 32`
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

/** The shortest unit the secret repeats ("abab…ab" → "ab"), or the secret itself. */
function repeatedUnit(secret: string): string {
  for (let size = 1; size <= secret.length / 2; size++) {
    const unit = secret.slice(0, size);
    if (unit.repeat(Math.ceil(secret.length / size)).startsWith(secret)) return unit;
  }
  return secret;
}

/** Characters that count: a run or a step-by-one sequence counts its first character only. */
function countedLength(text: string): number {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  let counted = 0;
  for (let i = 0; i < codes.length; i++) {
    const step = i > 0 ? codes[i]! - codes[i - 1]! : Number.NaN;
    if (step === 0 || step === 1 || step === -1) continue;
    counted++;
  }
  return counted;
}

/** The estimate in bits (see above). */
export function secretBits(secret: string): number {
  let text = repeatedUnit(secret);
  // Each guessable word counts as one character (replaced by a character that starts no sequence).
  for (const word of GUESSABLE_WORDS) text = text.replace(new RegExp(word, "gi"), "\u0000");
  const pool = classPool(secret);
  return pool > 1 ? countedLength(text) * Math.log2(pool) : 0;
}

/** Why the secret is too weak, in words for the operator (never quoting it), or undefined when it is strong. */
export function secretWeakness(secret: string): string | undefined {
  const bits = Math.floor(secretBits(secret));
  if (bits >= MINIMUM_SECRET_BITS) return undefined;
  return `it holds about ${bits} bits of randomness by a character-class estimate, fewer than the ${MINIMUM_SECRET_BITS} needed (runs, sequences, repeats and common words count little)`;
}
