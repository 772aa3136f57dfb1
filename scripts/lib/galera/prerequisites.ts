/**
 * What a Galera cluster needs from this machine: the Debian packages' programs and, when we run as
 * root, the system account the nodes run as. Missing pieces end in one sentence naming the package.
 */
import { existsSync, readFileSync } from "node:fs";
import { findProgram } from "../programs";
import { GaleraError } from "./galera-error";

export const GALERA_PROVIDER = "/usr/lib/galera/libgalera_smm.so";

export interface Account {
  name: string;
  uid: number;
  gid: number;
}

function systemAccount(name: string): Account | undefined {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  return uid && gid ? { name, uid: Number(uid), gid: Number(gid) } : undefined;
}

/**
 * The account the nodes run as: as root, the `mysql` system account (mariadb-server creates it).
 * Not root itself: rsync SST starts an rsync daemon on the joiner, and an rsync daemon started by
 * root switches to `nobody` for the transfer, which then may not write into the data folder
 * ("mkdir … failed: Permission denied", the joiner aborts). Not as root: the nodes run as we do.
 */
export function nodeAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const account = systemAccount("mysql");
  if (!account) throw new GaleraError("Running as root, the Galera nodes need the 'mysql' system account (the mariadb-server package creates it).");
  return account;
}

export interface Programs {
  mariadbd: string;
  installDb: string;
  haproxy: string;
}

export function findPrograms(): Programs {
  const mariadbd = findProgram("mariadbd");
  const installDb = findProgram("mariadb-install-db");
  const haproxy = findProgram("haproxy");
  const missing = [
    !mariadbd || !installDb ? "mariadb-server" : undefined,
    existsSync(GALERA_PROVIDER) ? undefined : "galera-4",
    findProgram("rsync") ? undefined : "rsync",
    haproxy ? undefined : "haproxy",
  ].filter(Boolean);
  if (!mariadbd || !installDb || !haproxy || missing.length > 0) {
    throw new GaleraError(`A Galera cluster needs these Debian packages: ${missing.join(", ")} (apt-get install ${missing.join(" ")}).`);
  }
  return { mariadbd, installDb, haproxy };
}
