/** Small helpers shared by the operator scripts (serve, migrate, test). */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, parseConfig } from "../../lib/env";
import type { Config } from "../../lib/env";
import { DatabaseSetupError, projectDir } from "./database-server";
import { MigrationError } from "./migrate";

/** Loads .env files the way `next start` does: real environment first, then the most specific file. */
export function loadEnvFiles(): void {
  for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    const path = join(projectDir, file);
    if (existsSync(path)) process.loadEnvFile(path);
  }
}

export function log(line: string): void {
  console.log(`[planado] ${line}`);
}

/** The validated configuration, or one sentence on stderr and exit code 1. */
export function configOrExit(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    return exitWith(error);
  }
}

/** Known failures print their one sentence; anything else keeps its stack for the developer. */
export function exitWith(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DatabaseSetupError || error instanceof MigrationError) {
    console.error(error.message);
  } else if (error instanceof Error && /ECONNREFUSED|Access denied|ER_/.test(error.message)) {
    console.error(`Database error: ${error.message.split("\n")[0]}`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
