/**
 * The wait page in text browsers, as a participant on an old machine (or a screen reader with CSS
 * off) meets it: lynx reads it in order, once, one item a line; w3m and ELinks go to the room at the
 * start by themselves (no script: the page's refresh does it).
 */
import { expect, test } from "@playwright/test";
import { baseURL } from "../support/settings";
import { roomVisited } from "../support/jitsi-stub";
import { bookViaApi, invitationPath, moveStart, rowByAdmin } from "../support/planado";
import { elinks, lynxDump, w3m } from "./support/engines";
import type { Terminal } from "./support/engines";

test("lynx reads the wait page in order: no empty label, the countdown once, one item a line", async ({ request }) => {
  const name = "Weekly choir";
  const { invitationId } = await bookViaApi(request, {
    name,
    start: "2030-01-07T18:00",
    timeZone: "Europe/Berlin",
    repeat: { every: 1, unit: "week", count: 10 },
  });
  const text = lynxDump(`${baseURL}${invitationPath(invitationId, name)}`);
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
  // In reading order: what it is, when, how long, then the calendar, then what happens without script.
  const countdown = /^[\d,]+ days?(, \d+ hours?)?$/;
  const order = [
    /^Please wait$/,
    /^Weekly choir$/,
    /^Starts$/,
    /Monday, 7 January 2030 at 18:00 \(Europe\/Berlin\)/,
    /^Repeats$/,
    /^every week$/,
    /^Starts in$/,
    countdown,
    /^\* Add to calendar$/,
  ];
  const positions = order.map(at);
  expect(
    positions.every((p) => p >= 0),
    text,
  ).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Each calendar link on a line of its own, not run together.
  expect(lines).toContain("* Subscribe in your calendar");
  expect(lines).toContain("* Google Calendar");
  // No label without its value; the countdown once (the spoken sentence is the script's to write).
  expect(text).not.toMatch(/Your time:/);
  expect(text).not.toMatch(/The conference starts in/);
  expect(lines.filter((line) => countdown.test(line))).toHaveLength(1);
  // Without script: what happens, and a way there where the browser does not reload by itself.
  expect(text).toMatch(/This page reloads by itself\. If it does not, use this link: Reload the page/);
});

for (const [engine, open] of [
  ["w3m", w3m],
  ["ELinks", elinks],
] as const) {
  test(`${engine} goes to the room at the start by itself`, async ({ request }) => {
    const { adminId, invitationId } = await bookViaApi(request, { name: "Old terminal" });
    const row = (await rowByAdmin(adminId))!;
    await moveStart(adminId, 8);
    let terminal: Terminal | undefined;
    try {
      terminal = open(`${baseURL}${invitationPath(invitationId, "Old terminal")}&lang=de`);
      await expect.poll(() => terminal!.screen(), { timeout: 10_000 }).toContain("Bitte warten");
      await expect.poll(() => roomVisited(row.room_id), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => terminal!.screen()).toContain(`Room: /${row.room_id}`);
    } finally {
      terminal?.stop();
    }
  });
}
