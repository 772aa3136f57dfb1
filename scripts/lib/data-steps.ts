/**
 * The migrations' data steps (see DataSteps in ./migrate.ts): what a migration needs done in code.
 */
import type { Connection } from "mariadb";
import { parseConfig } from "../../lib/env";
import { hashId, sealIds } from "../../lib/keys/derive";
import type { Keys } from "../../lib/keys/derive";
import { keysFrom } from "../../lib/keys/server-secret";
import { canonicalTimeZone } from "../../lib/time/time-zones";
import type { DataSteps } from "./migrate";

const BATCH = 1000;

/**
 * After 20261130000000_hash_ids: every row booked before keeps its invitation id and room, sealed
 * with the server's secret; its plain ids go. The secret is pinned then (the fingerprint a server
 * checks when it starts), since the sealed rows can only be opened with it. Zone names of every row
 * become canonical (lib/time/time-zones.ts).
 */
export async function sealPlainIds(conn: Connection, keysOf: () => Keys): Promise<void> {
  let keys: Keys | undefined;
  for (;;) {
    const rows = await conn.query<{ id: number; invitation_id: string; room_id: string }[]>(
      `SELECT id, invitation_id, room_id FROM conferences WHERE invitation_id IS NOT NULL LIMIT ${BATCH}`,
    );
    if (rows.length === 0) break;
    keys ??= keysOf();
    for (const row of rows) {
      const sealed = sealIds(keys, { invitationId: row.invitation_id, roomId: row.room_id }, hashId(row.invitation_id));
      await conn.query("UPDATE conferences SET legacy_ids = ?, invitation_id = NULL, admin_id = NULL, room_id = NULL WHERE id = ?", [sealed, row.id]);
    }
  }
  if (keys) await conn.query("INSERT IGNORE INTO server_key (id, fingerprint) VALUES (1, ?)", [keys.fingerprint]);

  const zones = await conn.query<{ time_zone: string }[]>("SELECT DISTINCT time_zone FROM conferences");
  for (const { time_zone: zone } of zones) {
    const canonical = canonicalTimeZone(zone);
    if (canonical && canonical !== zone) await conn.query("UPDATE conferences SET time_zone = ? WHERE time_zone = BINARY ?", [canonical, zone]);
  }
}

/** The steps, with the server's secret from the environment (read only if a row needs it). */
export function dataSteps(keysOf: () => Keys = () => keysFrom(parseConfig(process.env))): DataSteps {
  return { "20261130000000_hash_ids": (conn) => sealPlainIds(conn, keysOf) };
}
