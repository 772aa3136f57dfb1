/** Filling a benchmark database quickly: multi-row INSERTs straight through the driver. */
import { createHash } from "node:crypto";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { base32 } from "../../lib/ids";
import { connect } from "../../scripts/lib/database-server";

const INSERT_BATCH = 5_000;

/** A well-formed, unique id for row n (so pages really look it up). */
export function benchId(kind: string, n: number): string {
  return base32(createHash("sha256").update(`${kind}:${n}`).digest().subarray(0, 16));
}

export function sqlTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/**
 * Replaces the table's rows with `size` conferences: the first `due` started 24-48 hours before `now`
 * (half one-off, half weekly series with meetings to come), the others start within the next year.
 */
export async function seed(c: DatabaseCoordinates, size: number, due: number, now: Date): Promise<void> {
  const conn = await connect(c);
  try {
    await conn.query("TRUNCATE TABLE conferences");
    for (let start = 0; start < size; start += INSERT_BATCH) {
      const rows: string[] = [];
      for (let i = start; i < Math.min(size, start + INSERT_BATCH); i++) {
        const offsetMs = i < due ? -(24 + (i % 24)) * 3_600_000 : ((i * 7919) % (365 * 24)) * 3_600_000 + 3_600_000;
        const at = sqlTime(new Date(now.getTime() + offsetMs));
        const recurring = i % 2 === 1;
        // The table holds hashes of the ids (see lib/keys/derive.ts); benchmarks ask by the ids. No
        // room is recorded: as for a real booking, the first participant sent to it records it.
        rows.push(
          `(UNHEX(SHA2('${benchId("i", i)}',256)),UNHEX(SHA2('${benchId("a", i)}',256)),'${at}','${at}','UTC',60,${recurring ? "1,'week',3" : "NULL,NULL,0"},1)`,
        );
      }
      await conn.query(
        `INSERT INTO conferences (invitation_hash, admin_hash, starts_at, local_start, time_zone, duration_minutes, repeat_every, repeat_unit, remaining_occurrences, revision) VALUES ${rows.join(",")}`,
      );
    }
    await conn.query("ANALYZE TABLE conferences");
  } finally {
    await conn.end();
  }
}

/** Adds `count` conferences starting at `startsAt` (over one connection) and returns their invitation ids. */
export async function addConferences(c: DatabaseCoordinates, key: string, count: number, startsAt: Date): Promise<string[]> {
  const conn = await connect(c);
  try {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const invitationId = benchId(`${key}-i`, n);
      await conn.query(
        // No room recorded yet (as for a real booking): the rush's first participant records it.
        "INSERT INTO conferences (invitation_hash, admin_hash, starts_at, local_start, time_zone) VALUES (UNHEX(SHA2(?, 256)), UNHEX(SHA2(?, 256)), ?, ?, 'UTC')",
        [invitationId, benchId(`${key}-a`, n), sqlTime(startsAt), sqlTime(startsAt)],
      );
      ids.push(invitationId);
    }
    return ids;
  } finally {
    await conn.end();
  }
}

/** Adds one conference starting at `startsAt` and returns its invitation id. */
export async function addConference(c: DatabaseCoordinates, key: string, startsAt: Date): Promise<string> {
  return (await addConferences(c, key, 1, startsAt))[0]!;
}
