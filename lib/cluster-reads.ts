/**
 * Reads that must see every write the cluster acknowledged (part of the store: lib/conferences/store.ts
 * is the only caller). On one MariaDB server these cost nothing.
 */
import { databaseErrorCode } from "./database-errors";
import { db } from "./db";
import { processWide } from "./process-wide";

/**
 * On a Galera cluster, a node applies other nodes' writes a moment after they commit: a booking just
 * made through another server may not be here yet. Before a read that must see every acknowledged
 * write (an edit's revision, an id not found), wait until this node has applied everything the
 * cluster committed so far (wsrep_sync_wait). Once per process we learn whether this is a cluster
 * at all; on a single server this costs nothing.
 */
export async function catchUpWithCluster(): Promise<void> {
  const cluster = processWide("planadoGaleraCheck", () => ({ known: undefined as Promise<boolean> | undefined }));
  cluster.known ??= db().$queryRaw<{ on: unknown }[]>`SELECT @@wsrep_on AS \`on\``
    .then(([row]) => row?.on === 1 || row?.on === 1n || row?.on === "ON")
    .catch((error: unknown) => {
      // No such variable (MySQL, or MariaDB without Galera): not a cluster. Any other failure (a busy
      // pool, a node still joining) says nothing: ask again next time.
      if (databaseErrorCode(error) === "1193") return false;
      cluster.known = undefined;
      throw error;
    });
  if (!(await cluster.known)) return;
  await db().$queryRaw`SET STATEMENT wsrep_sync_wait = 1 FOR SELECT 1`;
}

/** A read that finds nothing is tried once more after catching up with the cluster (see above). */
export async function onceCaughtUp<T>(read: () => Promise<T | null>): Promise<T | null> {
  const found = await read();
  if (found !== null) return found;
  await catchUpWithCluster();
  return read();
}
