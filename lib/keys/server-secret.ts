/**
 * Where the server's secret comes from: PLANADO_SECRET when the operator sets it (several servers on
 * one database must share it), otherwise one generated on first start and kept in PLANADO_DATA_DIR.
 * Calendar links keep the key they were signed with: CALENDAR_SECRET when set, or the file an
 * earlier version generated, before a key derived from the secret.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getConfig } from "../env";
import { processWide } from "../process-wide";
import { deriveKeys } from "./derive";
import type { Keys } from "./derive";

/** A secret kept in a file of the data folder, made on first use (by whichever process comes first). */
export function secretFile(dataDir: string, name: string, create: boolean): string | undefined {
  const file = join(dataDir, name);
  if (create) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      // "wx": only the first of several processes starting at once writes it; the others read it.
      writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  } else if (!existsSync(file)) {
    return undefined;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to have a new one made.`);
  return secret;
}

type SecretConfig = { PLANADO_SECRET?: string; CALENDAR_SECRET?: string; PLANADO_DATA_DIR: string };

export function keysFrom(config: SecretConfig): Keys {
  return existingKeys(config, true)!;
}

/** The keys, if the secret is set or already generated; `create` makes one when there is none. */
export function existingKeys(config: SecretConfig, create: boolean): Keys | undefined {
  const secret = config.PLANADO_SECRET ?? secretFile(config.PLANADO_DATA_DIR, "secret", create);
  if (!secret) return undefined;
  const calendar = config.CALENDAR_SECRET ?? secretFile(config.PLANADO_DATA_DIR, "calendar-secret", false);
  return deriveKeys(secret, calendar);
}

/** This process's keys, from its configuration, made once. */
export function serverKeys(): Keys {
  return processWide("planadoKeys", () => keysFrom(getConfig()));
}
