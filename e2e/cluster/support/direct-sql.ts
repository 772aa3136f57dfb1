/**
 * Direct SQL against one Galera node (or haproxy), behind the servers' backs: to read the rows every
 * node holds, and to change rows as a third writer would.
 */
import type { DatabaseCoordinates } from "../../../lib/database-url";
import { hashId } from "../../../lib/keys/derive";
import { retryWrite, WriteConflict } from "../../../lib/write-retry";
import { connect } from "../../../scripts/lib/database-server";
import type { GaleraNode } from "../../../scripts/lib/galera/node";

/** How the tables hold a hash, as HEX() prints it: for matching rows to the ids the API handed out. */
export const hexHash = (id: string) => Buffer.from(hashId(id)).toString("hex").toUpperCase();

/** A UTC instant as the DATETIME columns take it (the driver's own Date conversion uses the local zone). */
export const sqlDateTime = (instant: Date) => instant.toISOString().slice(0, 19).replace("T", " ");

/** Runs one statement on a fresh connection, reading what the whole cluster committed (causal reads). */
export async function sql<T>(where: DatabaseCoordinates, statement: string, values: unknown[] = [], options: { database?: boolean } = {}): Promise<T> {
  const conn = await connect(where, { database: options.database });
  try {
    await conn.query("SET SESSION wsrep_sync_wait = 1");
    return (await conn.query(statement, values)) as T;
  } finally {
    await conn.end().catch(() => {});
  }
}

/** A write that a Galera node may refuse as a certification conflict (1213): tried again, as the app's own writes are. */
export async function sqlWrite(where: DatabaseCoordinates, statement: string, values: unknown[]): Promise<void> {
  await retryWrite(async () => {
    try {
      await sql(where, statement, values);
    } catch (error) {
      // The driver's own error, not Prisma's: said in the words retryWrite reads.
      if ((error as { errno?: number }).errno === 1213) throw new WriteConflict("certification conflict");
      throw error;
    }
  });
}

interface StoredRow {
  startsAt: string;
  localStart: string;
  timeZone: string;
  durationMinutes: number;
  remaining: number;
  revision: number;
  roomGeneration: number;
  /** null until the room is handed out. */
  roomHash: string | null;
  invitationHash: Buffer;
}

/** Every conference on one node, by its admin hash (HEX). */
export async function conferencesOn(node: GaleraNode): Promise<Map<string, StoredRow>> {
  const rows = await sql<Record<string, unknown>[]>(
    node.coordinates,
    `SELECT HEX(admin_hash) AS admin, invitation_hash, DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i:%sZ') AS starts_at,
            DATE_FORMAT(local_start, '%Y-%m-%dT%H:%i') AS local_start, time_zone, duration_minutes,
            remaining_occurrences, revision, room_generation, HEX(room_hash) AS room
       FROM conferences`,
  );
  return new Map(
    rows.map((row) => [
      String(row.admin),
      {
        startsAt: String(row.starts_at),
        localStart: String(row.local_start),
        timeZone: String(row.time_zone),
        durationMinutes: Number(row.duration_minutes),
        remaining: Number(row.remaining_occurrences),
        revision: Number(row.revision),
        roomGeneration: Number(row.room_generation),
        roomHash: row.room === null ? null : String(row.room),
        invitationHash: row.invitation_hash as Buffer,
      },
    ]),
  );
}

/** How many nodes one node sees in its cluster (wsrep_cluster_size). */
export async function clusterSize(node: GaleraNode): Promise<number> {
  const [row] = await sql<{ Value: string }[]>(node.coordinates, "SHOW STATUS LIKE 'wsrep_cluster_size'");
  return Number(row?.Value);
}
