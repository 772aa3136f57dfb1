/**
 * Clusters nobody stopped: those of a test process that died (removed by stopLeftovers on the next
 * run) and those of this process when it exits without stopping them (killed on its way out).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAlive } from "../programs";
import { killProcessesUsing, pollUntil, processesUsing, tryKill } from "./processes";

export const GALERA_FOLDER_PREFIX = "planado-galera-";

interface Owner {
  pid: number;
  /** The owner's start time (/proc/PID/stat), so that a reused pid does not pass for the owner. */
  started: string | undefined;
}

function processStartTime(pid: number): string | undefined {
  try {
    // Field 22; the command name (field 2) may hold spaces, so count from the closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Marks `folder` as this process's: stopLeftovers (of another run) leaves it alone while we live. */
export function claimFolder(folder: string): void {
  writeFileSync(join(folder, "owner.json"), JSON.stringify({ pid: process.pid, started: processStartTime(process.pid) } satisfies Owner));
}

function belongsToLiveRun(folder: string): boolean {
  let owner: Owner;
  try {
    owner = JSON.parse(readFileSync(join(folder, "owner.json"), "utf8")) as Owner;
  } catch {
    // No owner yet: another process may be creating it this very moment.
    try {
      return Date.now() - statSync(folder).mtimeMs < 60_000;
    } catch {
      return false;
    }
  }
  return isAlive(owner.pid) && processStartTime(owner.pid) === owner.started;
}

/**
 * Kills the processes of clusters left behind by a test process that died (their folder's owner is
 * gone) and removes their folders from os.tmpdir(). Returns the folders it removed.
 */
export async function stopLeftovers(prefix = GALERA_FOLDER_PREFIX): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of readdirSync(tmpdir())) {
    const folder = join(tmpdir(), entry);
    if (!entry.startsWith(prefix) || belongsToLiveRun(folder)) continue;
    // Killed, not shut down: their data goes with the folder anyway.
    const pids = processesUsing(folder);
    for (const pid of pids) tryKill(pid, "SIGKILL");
    await pollUntil(() => !pids.some(isAlive), 5_000, 50);
    rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

// The folders of this process's clusters, for the last-ditch cleanup when it exits without stopping them.
const liveClusters = new Set<string>();
let exitHooked = false;

function killLiveClustersNow(): void {
  for (const folder of liveClusters) {
    killProcessesUsing(folder);
    rmSync(folder, { recursive: true, force: true });
  }
  liveClusters.clear();
}

/**
 * On "exit" nothing asynchronous runs any more, so the nodes are killed rather than shut down. A
 * SIGINT/SIGTERM/SIGHUP that nobody else handles would end Node without an "exit" event: then we
 * clean up and raise the signal again. A crash (SIGKILL) is left to stopLeftovers on the next run.
 */
function hookProcessExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on("exit", killLiveClustersNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return; // someone else decides; "exit" still covers us
      killLiveClustersNow();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Kills the cluster in `folder` and removes the folder if this process exits before stopping it. */
export function removeAtExit(folder: string): void {
  hookProcessExit();
  liveClusters.add(folder);
}

/** The cluster in `folder` is stopped and its folder gone: nothing is left to do at exit. */
export function forgetAtExit(folder: string): void {
  liveClusters.delete(folder);
}
