/**
 * Old and small browser engines from Debian, driven by the tests: NetSurf and Dillo in windows on a
 * display of our own (Xvfb), w3m and ELinks in a terminal of our own (tmux), lynx as a text dump.
 * Each runs with a home folder of its own (its settings below, nothing of the machine's) and talks
 * only to the test's servers. What an engine did is read from the servers (see roomVisited), from its
 * screen (a PNG, or the terminal's text), never from its insides.
 */
import { execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JITSI } from "../../support/jitsi-stub";

/** The display, and the windows on it: tall enough for a whole wait page. */
export const SCREEN = { width: 1024, height: 1400 };

/** A home folder for one engine, with the files it is to read there. */
function homeWith(files: Record<string, string>): string {
  const home = mkdtempSync(join(tmpdir(), "planado-engine-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(home, path, ".."), { recursive: true });
    writeFileSync(join(home, path), text);
  }
  return home;
}

/** An X display of our own (Xvfb on a free number), for the engines with windows. */
export async function startDisplay(): Promise<{ display: string; stop: () => void }> {
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", `${SCREEN.width}x${SCREEN.height}x24`, "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let text = "";
    xvfb.stdio[3]!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(`:${text.trim()}`);
    });
    xvfb.once("exit", (code) => reject(new Error(`Xvfb ended (${code}): is Debian's xvfb installed?`)));
  });
  return { display, stop: () => void xvfb.kill() };
}

export interface Windowed {
  /** The whole screen as a PNG, written to `file`. */
  screenshot(file: string): void;
  /** The titles of the program's windows (a browser's shows the page's title). */
  titles(): string[];
  stop(): void;
}

function windowed(display: string, program: string, args: string[], env: Record<string, string> & { HOME: string }): Windowed {
  const child: ChildProcess = spawn(program, args, { env: { ...process.env, DISPLAY: display, LANG: "C.UTF-8", ...env }, stdio: "ignore" });
  const xdotool = (args: string[]) => execFileSync("xdotool", args, { encoding: "utf8", env: { ...process.env, DISPLAY: display } });
  return {
    screenshot: (file) => execFileSync("import", ["-display", display, "-window", "root", file]),
    titles: () => {
      try {
        const windows = xdotool(["search", "--pid", String(child.pid), "--name", "."])
          .split("\n")
          .filter(Boolean);
        return windows.map((window) => xdotool(["getwindowname", window]).trim());
      } catch {
        return []; // no window yet
      }
    },
    stop: () => {
      child.kill("SIGKILL");
      rmSync(env.HOME, { recursive: true, force: true });
    },
  };
}

/** NetSurf (its own engine, CSS 2.1 and some 3; its JavaScript is on, as by default). */
export function netsurf(display: string, url: string): Windowed {
  const config = ".config/netsurf";
  const home = homeWith({
    [`${config}/Choices`]: ["homepage_url:about:blank", "window_x:0", "window_y:0", `window_width:${SCREEN.width}`, `window_height:${SCREEN.height}`]
      .concat(["animate_images:0", "max_retried_fetches:0"])
      .join("\n"),
    // Without a search engine of its own it looks one up on the Internet at start-up.
    [`${config}/SearchEngines`]: `Local|127.0.0.1|${JITSI}/search?q=%s|${JITSI}/search.ico|\n`,
  });
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_DATA_HOME: join(home, ".local/share"),
    NO_AT_BRIDGE: "1",
  };
  return windowed(display, "netsurf-gtk", [url], env);
}

/** Dillo (no JavaScript; it shows a refresh as a link, "here", at the top of the page). */
export function dillo(display: string, url: string): Windowed {
  const home = homeWith({
    ".dillo/dillorc": [
      `geometry=${SCREEN.width}x${SCREEN.height}+0+0`,
      'start_page="about:blank"',
      'home="about:blank"',
      "show_quit_dialog=NO",
      "show_msg=YES",
    ].join("\n"),
  });
  return windowed(display, "dillo", ["-g", `${SCREEN.width}x${SCREEN.height}+0+0`, url], { HOME: home });
}

/** Clicks at a point of the display (xdotool), as a person would. */
export function click(display: string, x: number, y: number): void {
  execFileSync("xdotool", ["mousemove", String(x), String(y), "click", "1"], { env: { ...process.env, DISPLAY: display } });
}

export interface Terminal {
  /** The terminal's text now. */
  screen(): string;
  stop(): void;
}

/** A text browser in a terminal of its own (tmux, 100 × 30). */
function inTerminal(command: string[]): Terminal {
  const socket = `planado-e2e-${randomBytes(4).toString("hex")}`;
  const home = homeWith({});
  const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(" ");
  execFileSync("tmux", ["-L", socket, "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", `env HOME=${home} TERM=xterm LANG=C.UTF-8 ${quoted}`]);
  return {
    screen: () => execFileSync("tmux", ["-L", socket, "capture-pane", "-p", "-t", "e2e"], { encoding: "utf8" }),
    stop: () => {
      try {
        execFileSync("tmux", ["-L", socket, "kill-server"]);
      } catch {
        // already gone
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** w3m, told to follow refreshes (it only names them otherwise). */
export const w3m = (url: string) => inTerminal(["w3m", "-o", "meta_refresh=1", url]);

/** ELinks, as it comes (it follows refreshes by itself); no connection to another ELinks, no welcome. */
export const elinks = (url: string) => inTerminal(["elinks", "-no-connect", "1", "-no-home", "1", url]);

/** What lynx shows of a page, as text (no list of links at the end). */
export function lynxDump(url: string): string {
  const home = homeWith({});
  try {
    return execFileSync("lynx", ["-dump", "-nolist", "-width=100", "-display_charset=utf-8", "-assume_charset=utf-8", url], {
      encoding: "utf8",
      env: { ...process.env, HOME: home, LANG: "C.UTF-8" },
      timeout: 20_000,
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The colour of each pixel of a PNG, by ImageMagick (as "#rrggbb"), counted. */
export function colours(file: string): Map<string, number> {
  const text = execFileSync("/usr/bin/convert", [file, "-depth", "8", "-format", "%c", "histogram:info:-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const counts = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^\s*(\d+):.*?(#[0-9A-Fa-f]{6})/.exec(line);
    if (match) counts.set(match[2]!.toLowerCase(), Number(match[1]));
  }
  return counts;
}

/** The colour of one pixel of a PNG. */
export function pixel(file: string, x: number, y: number): string {
  const text = execFileSync("/usr/bin/convert", [file, "-depth", "8", "-format", `%[hex:p{${x},${y}}]`, "info:"], { encoding: "utf8" });
  return `#${text.trim().slice(0, 6).toLowerCase()}`;
}
