/**
 * The key that signs calendar links: CALENDAR_SECRET when the operator sets it (needed when several
 * servers share the work), otherwise one generated on first use and kept in the data folder.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

let cached: string | undefined;

export function calendarSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  if (cached) return cached;
  const file = join(dataDir, "calendar-secret");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // "wx": only the first of several processes starting at once writes it; the others read it.
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to have a new one made.`);
  cached = secret;
  return secret;
}
