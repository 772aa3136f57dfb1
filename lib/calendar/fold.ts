/**
 * RFC 5545 line folding by octets. `ics` folds at 75 characters, which lets a line of accented
 * letters or emoji run to 150 octets or more; strict calendars (and the RFC) want at most 75 octets
 * a line, split only between characters, never inside one.
 */
const MAX_OCTETS = 75;

function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1; // continuation lines begin with one space
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** Unfolds whatever folding the text has and folds it again at 75 octets; CRLF line ends. */
export function refold(calendar: string): string {
  const lines = calendar.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
