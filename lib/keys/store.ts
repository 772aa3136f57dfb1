/**
 * The server_key table: which secret the database was set up with (its fingerprint, never the
 * secret). The only code that talks to the database about keys.
 */
import { db } from "../db";
import { catchUpWithCluster } from "../cluster-reads";
import { OtherSecretError, WeakSecretError, weakSecretWarning } from "../failures";
import { processWide } from "../process-wide";
import { retryWrite } from "../write-retry";
import type { Keys } from "./derive";
import { serverKeys } from "./server-secret";

/**
 * The server's keys, once the database has said they are the ones it was set up with (the first
 * server to ask sets it up with its own, if its secret is strong). Every function here that derives
 * or seals uses them, so a server with another secret never hands out a room, not even for a moment.
 * A weak secret never sets up a database; one the database was set up with keeps working, and this
 * process says so once.
 */
export async function confirmedKeys(): Promise<Keys> {
  const check = processWide("planadoKeyCheck", () => ({ confirmed: false }));
  if (!check.confirmed) {
    const keys = serverKeys();
    const claim = await claimKeyFingerprint(keys.fingerprint, { mayClaim: keys.secretWeakness === undefined });
    if (claim === "differs") throw new OtherSecretError();
    if (claim === "unclaimed") throw new WeakSecretError(keys.secretWeakness!);
    if (keys.secretWeakness) console.warn(weakSecretWarning(keys.secretWeakness));
    check.confirmed = true;
  }
  return serverKeys();
}

/**
 * Makes sure this server's secret is the one the database was set up with: the first server to ask
 * records the fingerprint of its secret, if it `mayClaim`; "differs" means this server would derive
 * other rooms, "unclaimed" that no secret is recorded yet (and this one may not be).
 */
export async function claimKeyFingerprint(fingerprint: string, { mayClaim }: { mayClaim: boolean }): Promise<"matches" | "differs" | "unclaimed"> {
  if (mayClaim) await retryWrite(() => db().$executeRaw`INSERT IGNORE INTO server_key (id, fingerprint) VALUES (1, ${fingerprint})`);
  await catchUpWithCluster();
  const stored = await db().serverKey.findUnique({ where: { id: 1 } });
  if (!stored) return "unclaimed";
  return stored.fingerprint === fingerprint ? "matches" : "differs";
}
