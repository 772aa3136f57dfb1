/**
 * haproxy in front of a Galera cluster: its config (one writer, the other nodes as backups), starting
 * it and waiting until a SQL login gets through it.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import mariadb from "mariadb";
import type { DatabaseCoordinates } from "../../../lib/database-url";
import { GaleraError, messageOf, tail } from "./galera-error";
import type { Node } from "./node";
import { launch, pollUntil } from "./processes";
import type { Launched } from "./processes";

export const HEALTH_CHECK_USER = "haproxy_check";

export interface GaleraHaproxy {
  port: number;
  /** root, no password, through haproxy. */
  coordinates: DatabaseCoordinates;
}

/**
 * One writer at a time: the first node takes every connection and the others are `backup`s, used
 * (the first one up, not all of them) only while it is down. Writing to several Galera nodes at once
 * works, but concurrent writes to the same rows on different nodes fail at commit with deadlock
 * errors (certification conflicts), which an app written for one MariaDB does not expect.
 * When node1 is back (rise 2), new connections go to it again.
 *
 * mysql-check logs in as haproxy_check and quits: it notices a node that is down or refuses logins
 * every 500 ms (down after 2 failures, so within ~1 s), not one that is up but not Synced (joining
 * or donor); that needs an HTTP clustercheck script, which this harness does not run.
 */
function haproxyConfig(port: number, nodes: Node[], folder: string): string {
  const servers = nodes.map((node, i) => `    server ${node.name} 127.0.0.1:${node.port}${i === 0 ? "" : " backup"}`).join("\n");
  return `global
    maxconn 256
    # In the foreground (-db), warnings such as "Server galera/node1 is DOWN" go to haproxy.log.
    stats socket ${join(folder, "haproxy.sock")} mode 600 level admin

defaults
    mode tcp
    timeout connect 2s
    # Idle pooled connections of the app must survive between tests.
    timeout client 1h
    timeout server 1h
    timeout check 1s
    # Until the check marks a dead node down (~1 s) new connections to it fail: the client retries.
    # Once it is down, a connection in its retries goes to the next server.
    retries 2
    option redispatch

listen galera
    bind 127.0.0.1:${port}
    # One writer: the first node takes every connection, a backup only while it is down.
    balance first
    option mysql-check user ${HEALTH_CHECK_USER} post-41
    # Cut the sessions of a node marked down, so clients reconnect (to the next node) at once.
    # …and when node1 is back, cut the backup's sessions: one writer again, every connection on it.
    default-server check inter 500 fall 2 rise 2 on-marked-down shutdown-sessions on-marked-up shutdown-backup-sessions
${servers}
`;
}

export async function waitForHaproxy(haproxy: Launched, coordinates: DatabaseCoordinates, logFile: string, timeoutMs: number): Promise<void> {
  let last = "";
  const loggedIn = await pollUntil(
    async () => {
      if (haproxy.ended !== undefined) throw new GaleraError(`haproxy exited (${haproxy.ended}):\n${tail(logFile)}`);
      try {
        const conn = await mariadb.createConnection({ host: coordinates.host, port: coordinates.port, user: coordinates.user, connectTimeout: 2_000 });
        await conn.query("SELECT 1");
        await conn.end();
        return true;
      } catch (error) {
        last = messageOf(error);
        return false;
      }
    },
    timeoutMs,
    200,
  );
  if (!loggedIn) throw new GaleraError(`No SQL login through haproxy on port ${coordinates.port} (${last}):\n${tail(logFile)}`);
}

/** Starts haproxy from a config in the cluster folder; wait for it with waitForHaproxy. */
export function launchHaproxy(program: string, folder: string, port: number, nodes: Node[]): Launched {
  const configFile = join(folder, "haproxy.cfg");
  writeFileSync(configFile, haproxyConfig(port, nodes, folder));
  const check = spawnSync(program, ["-c", "-q", "-f", configFile], { encoding: "utf8" });
  if (check.status !== 0) throw new GaleraError(`haproxy rejects ${configFile}: ${(check.stderr || check.stdout).trim()}`);
  // -db: in the foreground, one process, which SIGTERM stops.
  return launch(program, ["-db", "-f", configFile, "-p", join(folder, "haproxy.pid")], join(folder, "haproxy.log"));
}
