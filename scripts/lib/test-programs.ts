/**
 * The Debian programs the tests run: found, or installed with apt-get when we are root (as on CI).
 * Each loop asks only for what its tests run.
 */
import { existsSync } from "node:fs";
import { log } from "./cli";
import { run } from "./test-run";

/** The Debian packages of the old engines' tests, each by a file it installs. */
const OLD_ENGINES: Record<string, string> = {
  "netsurf-gtk": "/usr/bin/netsurf-gtk",
  dillo: "/usr/bin/dillo",
  w3m: "/usr/bin/w3m",
  elinks: "/usr/bin/elinks",
  lynx: "/usr/bin/lynx",
  xvfb: "/usr/bin/Xvfb",
  xdotool: "/usr/bin/xdotool",
  tmux: "/usr/bin/tmux",
  imagemagick: "/usr/bin/compare",
};

/** The cluster tests (e2e/cluster/): three Galera nodes behind haproxy, SST by rsync. */
const CLUSTER: Record<string, string> = { "galera-4": "/usr/lib/galera/libgalera_smm.so", haproxy: "/usr/sbin/haproxy", rsync: "/usr/bin/rsync" };

function firstExisting(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** A program the tests run, by the files it may be: found, or installed from Debian's packages when we are root. */
export function ensureDebianProgram(packageName: string, candidates: (string | undefined)[]): string | undefined {
  const found = firstExisting(candidates);
  if (found) return found;
  if (process.getuid?.() !== 0) {
    log(`${packageName} is missing: install Debian's ${packageName} package (apt-get install ${packageName}).`);
    return undefined;
  }
  log(`Installing Debian's ${packageName} for the tests …`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["install", "-y", "-qq", packageName], env) !== 0) {
    run("apt-get", ["update", "-qq"], env);
    run("apt-get", ["install", "-y", "-qq", packageName], env);
  }
  return firstExisting(candidates);
}

/** Duktape, for the wait page's script in a pure ES5 engine (a Vitest unit test). */
export function ensureDuktape(): boolean {
  const found = !!ensureDebianProgram("duktape", ["/usr/bin/duk"]);
  if (!found) log("Duktape is missing: the tests of the wait page's script in it fail.");
  return found;
}

/**
 * What Playwright's browser tests run: Debian's Chromium; nginx for the reverse-proxy test of the
 * configuration we ship (deploy/nginx.conf); the old and small browsers (e2e/engines/), on a display
 * of their own (Xvfb) or in a terminal (tmux), their screens read with ImageMagick and clicked with
 * xdotool. Their paths for Playwright's environment, or undefined when one is missing.
 */
export function ensureBrowserPrograms(): Record<string, string> | undefined {
  const chromium = ensureDebianProgram("chromium", [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]);
  const nginx = ensureDebianProgram("nginx", [process.env.NGINX_PATH, "/usr/sbin/nginx"]);
  const engines = Object.entries(OLD_ENGINES).every(([name, path]) => ensureDebianProgram(name, [path]));
  return chromium && nginx && engines ? { CHROMIUM_PATH: chromium, NGINX_PATH: nginx } : undefined;
}

/** What the Galera cluster tests run (mariadbd itself comes with the MariaDB the tests use). */
export function ensureClusterPrograms(): boolean {
  return Object.entries(CLUSTER).every(([name, path]) => ensureDebianProgram(name, [path]));
}
