/**
 * The failure of a Galera cluster to start or to stay up, with what explains it: the first line of
 * an error, the last lines of a node's or haproxy's log.
 */
import { existsSync, readFileSync } from "node:fs";

export class GaleraError extends Error {
  override name = "GaleraError";
}

export function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return "(no log yet)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
