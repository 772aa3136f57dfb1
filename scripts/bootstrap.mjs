// @ts-check
// Entry point of `npm start` and `npm test`. Plain Node on purpose: it runs before the project's
// dependencies exist, installs them when they are missing or stale, generates the Prisma client,
// then hands over to the TypeScript script (scripts/<command>.ts, or bench/main.ts for bench; run with tsx).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [command, ...args] = process.argv.slice(2);
const commands = new Set(["setup", "build", "test", "migrate", "cleanup", "bench", "galera"]);

/** @param {string} sentence @returns {never} */
function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

if (!command || !commands.has(command)) fail(`Usage: node scripts/bootstrap.mjs ${[...commands].join("|")} [arguments]`);

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Planado needs Node.js 20.19 or newer (this is ${process.version}).`);

/** @param {string} program @param {string[]} programArgs */
function run(program, programArgs) {
  const result = spawnSync(program, programArgs, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status === 0;
}

// 1. Dependencies: install when node_modules is missing or was installed from another lockfile.
const lockFile = join(root, "package-lock.json");
const stampFile = join(root, "node_modules", ".planado-installed-lock");
const lockHash = existsSync(lockFile) ? createHash("sha256").update(readFileSync(lockFile)).digest("hex") : "none";
const installedHash = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : undefined;
if (installedHash !== lockHash) {
  console.log("Installing dependencies …");
  const ok = existsSync(lockFile)
    ? run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
    : run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
  if (!ok) fail("Installing the dependencies failed (see above); check that the npm registry is reachable.");
  writeFileSync(stampFile, `${lockHash}\n`);
}

// 2. The Prisma client is generated code: regenerate when the schema is newer (npm may skip postinstall).
const schema = join(root, "prisma", "schema.prisma");
const client = join(root, "lib", "generated", "prisma", "client.ts");
if (!existsSync(client) || statSync(client).mtimeMs < statSync(schema).mtimeMs) {
  if (!run(join(root, "node_modules", ".bin", "prisma"), ["generate"])) fail("Generating the Prisma client failed (see above).");
}

// 3. Hand over. Signals reach the child through the terminal's process group; we only wait for it.
// ("server-only" is an empty module in our own programs, as inside Next: see lib/server-only-outside-next.mjs.)
const script = command === "bench" ? join(root, "bench", "main.ts") : join(root, "scripts", `${command}.ts`);
const outsideNext = pathToFileURL(join(root, "lib", "server-only-outside-next.mjs")).href;
// (tsx as Node's loader, not its command: one process, not a launcher and a child.)
const child = spawn(process.execPath, ["--import", "tsx", "--import", outsideNext, script, ...args], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
