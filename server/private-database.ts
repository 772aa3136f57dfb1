/**
 * The private MariaDB that `npm start`'s set-up started for this server (scripts/setup.ts names it in
 * PLANADO_PRIVATE_DATABASE_PID): it stops when the server stops, as it did when the set-up stayed
 * resident to stop it. Only a process that is still a MariaDB server is stopped (a pid may be reused).
 */
import { readFileSync } from "node:fs";

function isDatabaseServer(pid: number): boolean {
  try {
    return /(^|\/)(mariadbd|mysqld)\0/.test(readFileSync(`/proc/${pid}/cmdline`, "latin1"));
  } catch {
    return false;
  }
}

/** Stops it (SIGTERM: mariadbd shuts down cleanly) and waits until it has, at most `timeoutMs`. */
export async function stopPrivateDatabase(timeoutMs = 20_000): Promise<void> {
  const pid = Number(process.env.PLANADO_PRIVATE_DATABASE_PID);
  if (!Number.isInteger(pid) || pid <= 0 || !isDatabaseServer(pid)) return;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isDatabaseServer(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}
