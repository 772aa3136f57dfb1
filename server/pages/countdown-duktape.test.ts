/**
 * The wait page's script in a real pure-ES5 engine, Duktape (Debian's duktape package, as old
 * browsers' engines were: no ES2015, no Intl), with a small DOM stub: it runs without an error, says
 * the server's words over a whole wait, sets the right timers and goes to the invitation's address.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countdownAnnouncement, remainingText } from "@/lib/conferences/countdown";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { COUNTDOWN_SCRIPT } from "./countdown-script";
import { countdownData, HREF } from "./countdown-sandbox";

const folder = mkdtempSync(join(tmpdir(), "planado-duktape-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The page's world in ES5: elements, a clock the driver moves, timers it runs. */
const STUB = `
var clock = 1000, timers = [], replaced = [], texts = { shown: 0, spoken: 0 };
function element(id, text) {
  return { id: id, textContent: text || "", text: text || "", attributes: {}, removeAttribute: function (name) { delete this.attributes[name]; } };
}
var elements = {
  "countdown-data": element("countdown-data", DATA),
  "countdown-shown": element("countdown-shown"),
  "countdown-spoken": element("countdown-spoken")
};
var document = {
  readyState: "loading",
  getElementById: function (id) { return elements[id] || null; }
};
var Date = function () { return { getTime: function () { return 1700000000000 + clock; } }; };
var window = {
  JSON: JSON,
  performance: { now: function () { return clock; }, timing: { navigationStart: 5000000, responseStart: 5000200 } },
  location: { href: "http://planado.test/i/x?utm=1", replace: function (url) { replaced.push(url); } },
  setInterval: function (run, every) { timers.push({ at: clock + every, run: run, every: every }); },
  setTimeout: function (run, delay) { var timer = { at: clock + delay, run: run, delay: delay }; timers.push(timer); return timer; },
  clearTimeout: function (timer) { var at = timers.indexOf(timer); if (at >= 0) timers.splice(at, 1); },
  addEventListener: function () {}
};
`;

/** Jumps the clock to \`until\`, running there each timer due and the countdown's own once. */
const DRIVER = `
function advance(until) {
  for (var i = 0; i < timers.length; i++) if (timers[i].at < until || timers[i].every) timers[i].at = until;
  for (;;) {
    var next = null;
    for (var i = 0; i < timers.length; i++) if (timers[i].at <= until && (!next || timers[i].at < next.at)) next = timers[i];
    if (!next) break;
    clock = next.at;
    if (next.every) next.at += next.every; else timers.splice(timers.indexOf(next), 1);
    next.run();
  }
  clock = until;
}
var seen = [];
var firstTimeout = null;
for (var t = 0; t < timers.length; t++) if (!timers[t].every) firstTimeout = timers[t].delay;
for (var c = 0; c < CHECKS.length; c++) {
  advance(200 + MS - CHECKS[c]);
  seen.push([CHECKS[c], elements["countdown-shown"].textContent, elements["countdown-spoken"].textContent]);
}
advance(200 + MS + 300);
print(JSON.stringify({ seen: seen, replaced: replaced, firstTimeout: firstTimeout }));
`;

function runInDuktape(ms: number, locale: Locale, checks: number[]) {
  const data = countdownData(ms, locale);
  const file = join(folder, `${locale}-${ms}.js`);
  const prelude = `var DATA = ${JSON.stringify(JSON.stringify(data))}; var MS = ${ms}; var CHECKS = ${JSON.stringify(checks)};`;
  writeFileSync(file, [prelude, STUB, COUNTDOWN_SCRIPT, DRIVER].join("\n"));
  const output = execFileSync("duk", [file], { encoding: "utf8", timeout: 60_000 });
  return JSON.parse(output) as { seen: [number, string, string][]; replaced: string[]; firstTimeout: number | null };
}

describe("the countdown script in Duktape, a pure ES5 engine", () => {
  it.each(["en", "pl", "ar"] as const)("counts a two-hour wait down in the server's words and goes to the invitation (%s)", (locale) => {
    const ms = 2 * 3_600_000;
    // Every ten minutes, then every minute of the last hour, then every second of the last minute.
    const checks = [
      ...Array.from({ length: 12 }, (_, i) => ms - 300 - i * 600_000),
      ...Array.from({ length: 60 }, (_, i) => 3_600_000 - 500 - i * 60_000),
      ...Array.from({ length: 60 }, (_, i) => 60_000 - 500 - i * 1_000),
    ];
    const { seen, replaced, firstTimeout } = runInDuktape(ms, locale, checks);
    const t = translator(locale);
    expect(seen).toEqual(checks.map((left) => [left, remainingText(left, t), countdownAnnouncement(left, t)]));
    // One timer for the start (the answer came 800 ms before the script ran, so 2 h less 800 ms, plus the margin).
    expect(firstTimeout).toBe(ms - 800 + 250);
    expect(replaced).toEqual([HREF]);
  });

  it("sets no start timer for a wait longer than a browser's timers hold, and keeps counting days", () => {
    const ms = 40 * 86_400_000;
    const { seen, firstTimeout } = runInDuktape(ms, "en", [ms - 1_000, 39 * 86_400_000 + 1_000]);
    expect(firstTimeout).toBeNull();
    expect(seen.map(([, shown]) => shown)).toEqual(["39 days, 23 hours", "39 days"]);
  });
});
