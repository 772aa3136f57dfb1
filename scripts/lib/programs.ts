/** Programs and processes of the machine the scripts run on: finding a binary, a process still there. */
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Where Debian puts server programs, which a user's PATH often lacks. */
const BINARY_DIRS = ["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"];

export function findProgram(name: string, pathEnv = process.env.PATH ?? ""): string | undefined {
  const dirs = [...pathEnv.split(":").filter(Boolean), ...BINARY_DIRS];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
