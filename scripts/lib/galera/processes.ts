/**
 * The processes of a cluster (nodes, their SST scripts and rsync daemons, haproxy): starting one in
 * its own process group, ending it, finding every process that works in a cluster's folder.
 */
import { spawn } from "node:child_process";
import { closeSync, fchownSync, openSync, readdirSync, readFileSync } from "node:fs";
import { GaleraError } from "./galera-error";
import type { Account } from "./prerequisites";

/**
 * Polls `condition` every `intervalMs` until it holds or `timeoutMs` have passed; says whether it
 * held. The only timer of the harness (tests/structure.test.ts checks): it waits for conditions,
 * never a fixed time. An error thrown by `condition` ends the wait with that error.
 */
export async function pollUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise<void>((done) => setTimeout(done, Math.max(0, Math.min(intervalMs, deadline - Date.now()))));
  }
}

export function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

export interface Launched {
  pid: number;
  /** How it ended ("code 1", "SIGKILL"), or undefined while it runs. */
  readonly ended: string | undefined;
}

/** Starts `program` in its own process group with stdout and stderr appended to `logFile`. */
export function launch(program: string, args: string[], logFile: string, owner?: Account): Launched {
  const fd = openSync(logFile, "a");
  if (owner) fchownSync(fd, owner.uid, owner.gid); // mariadbd (as `owner`) appends its own lines to it
  // Its own process group: a node, its SST script and rsync daemon can be killed as one, and a
  // Ctrl-C in a terminal reaches us rather than them, so we shut them down in order.
  const child = spawn(program, args, { detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  child.unref();
  let ended: string | undefined;
  child.once("exit", (code, signal) => (ended = signal ?? `code ${code}`));
  child.once("error", (error) => (ended = error.message));
  if (child.pid === undefined) throw new GaleraError(`Could not start ${program}.`);
  return {
    pid: child.pid,
    get ended() {
      return ended;
    },
  };
}

/** Whether the process ends within `ms`; polls, as the exit of an unref'd child alone does not keep Node running. */
function endsWithin(launched: Launched, ms: number): Promise<boolean> {
  return pollUntil(() => launched.ended !== undefined, ms, 50);
}

/**
 * SIGTERM (mariadbd shuts down cleanly, haproxy stops), then SIGKILL to its process group after
 * `graceMs`: a node still waiting for its state transfer may ignore SIGTERM for a minute or more.
 */
export async function terminate(launched: Launched, graceMs = 60_000): Promise<void> {
  if (launched.ended !== undefined) return; // its pid (and group id) may belong to another process by now
  tryKill(launched.pid, "SIGTERM");
  if (await endsWithin(launched, graceMs)) return;
  tryKill(-launched.pid, "SIGKILL");
  await endsWithin(launched, 10_000);
}

/** Processes whose command line names something in `folder`: nodes, SST scripts, rsync, haproxy. */
export function processesUsing(folder: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`${folder}/`)) pids.push(pid);
    } catch {
      // Ended meanwhile.
    }
  }
  return pids;
}

export function killProcessesUsing(folder: string): void {
  for (const pid of processesUsing(folder)) tryKill(pid, "SIGKILL");
}
