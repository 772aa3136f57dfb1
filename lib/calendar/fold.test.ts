import { describe, expect, it } from "vitest";
import { refold } from "./fold";

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("refold", () => {
  it("leaves short lines alone and ends every line with CRLF", () => {
    expect(refold("BEGIN:VCALENDAR\nEND:VCALENDAR\n")).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  });

  it("folds at 75 octets, not 75 characters", () => {
    const line = `SUMMARY:${"é".repeat(100)}`; // 8 + 200 octets
    const folded = refold(`${line}\r\n`);
    const lines = folded.split("\r\n").filter(Boolean);
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(unfold(folded)).toBe(`${line}\r\n`);
  });

  it("never splits a character, emoji included", () => {
    const line = `SUMMARY:${"👩‍👩‍👧".repeat(20)}x`;
    const folded = refold(line);
    expect(folded).not.toMatch(/\uFFFD/);
    for (const l of folded.split("\r\n")) expect(Buffer.from(l, "utf8").toString("utf8")).toBe(l);
    expect(unfold(folded)).toBe(`${line}\r\n`);
  });

  it("undoes earlier folding first (ics folds with a tab)", () => {
    expect(refold("DESCRIPTION:ab\r\n\tcd\r\n")).toBe("DESCRIPTION:abcd\r\n");
  });
});
