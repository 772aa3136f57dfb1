/**
 * The migrations' data steps (see DataSteps in ./migrate.ts): what a migration needs done in code.
 */
import type { Connection } from "mariadb";
import { parseConfig } from "../../lib/env";
import { WeakSecretError } from "../../lib/failures";
import { hashId, sealIds } from "../../lib/keys/derive";
import type { Keys } from "../../lib/keys/derive";
import { existingKeys } from "../../lib/keys/server-secret";
import { canonicalTimeZone } from "../../lib/time/time-zones";
import { MigrationError } from "./migrate";
import type { DataSteps } from "./migrate";

const BATCH = 1000;

/**
 * After 20261130000000_hash_ids: every row booked before keeps its invitation id and room, sealed
 * with the server's secret; its plain ids go. The secret is pinned first (the fingerprint a server
 * checks when it starts): rows are sealed only with the secret the database is, or is now, set up
 * with, since they can only be opened with it. Zone names of every row become canonical
 * (lib/time/time-zones.ts).
 */
export async function sealPlainIds(conn: Connection, keysOf: () => Keys): Promise<void> {
  let keys: Keys | undefined;
  for (;;) {
    const rows = await conn.query<{ id: number; invitation_id: string; room_id: string }[]>(
      `SELECT id, invitation_id, room_id FROM conferences WHERE invitation_id IS NOT NULL LIMIT ${BATCH}`,
    );
    if (rows.length === 0) break;
    if (!keys) {
      keys = keysOf();
      await conn.query("INSERT IGNORE INTO server_key (id, fingerprint) VALUES (1, ?)", [keys.fingerprint]);
      const [pinned] = await conn.query<{ fingerprint: string }[]>("SELECT fingerprint FROM server_key WHERE id = 1");
      if (pinned?.fingerprint !== keys.fingerprint) throw new MigrationError(SECRET_NEEDED);
    }
    for (const row of rows) {
      const sealed = sealIds(keys, { invitationId: row.invitation_id, roomId: row.room_id }, hashId(row.invitation_id));
      await conn.query("UPDATE conferences SET legacy_ids = ?, invitation_id = NULL, admin_id = NULL, room_id = NULL WHERE id = ?", [sealed, row.id]);
    }
  }

  const zones = await conn.query<{ time_zone: string }[]>("SELECT DISTINCT time_zone FROM conferences");
  for (const { time_zone: zone } of zones) {
    const canonical = canonicalTimeZone(zone);
    if (canonical && canonical !== zone) await conn.query("UPDATE conferences SET time_zone = ? WHERE time_zone = BINARY ?", [canonical, zone]);
  }
}

const SECRET_NEEDED =
  "Upgrading this database needs the secret your servers use, to seal the ids of the conferences booked before: set PLANADO_SECRET to it, or run this where PLANADO_DATA_DIR holds it (npm start on the server does this by itself).";

/**
 * The steps, with the server's secret from the environment (read only if a row needs it). Only
 * `npm start`, on the server itself, may generate a secret here: anywhere else (a one-off job, another
 * machine) a new secret would seal the old conferences with a key the servers do not have.
 */
export function dataSteps(options: { mayCreateSecret?: boolean } = {}): DataSteps {
  const keysOf = () => {
    const keys = existingKeys(parseConfig(process.env), options.mayCreateSecret ?? false);
    if (!keys) throw new MigrationError(SECRET_NEEDED);
    return keys;
  };
  return {
    "20261130000000_hash_ids": {
      // Refuse before anything changes when there are conferences to seal and no secret to seal them with.
      before: async (conn) => {
        const [row] = await conn.query<{ n: bigint }[]>("SELECT COUNT(*) AS n FROM conferences");
        if (Number(row?.n ?? 0) === 0) return;
        // Sealing pins the secret (no release before this step kept one), as a new installation's
        // first start does: never a weak one.
        const weakness = keysOf().secretWeakness;
        if (weakness) throw new MigrationError(new WeakSecretError(weakness).message);
      },
      after: (conn) => sealPlainIds(conn, keysOf),
    },
  };
}
