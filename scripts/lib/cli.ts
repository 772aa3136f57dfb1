/** Small helpers shared by the operator scripts (serve, migrate, test). */
import { driverCause } from "../../lib/database-errors";
import { classifyFailure } from "../../lib/failures";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, parseConfig } from "../../lib/env";
import type { Config } from "../../lib/env";
import { DatabaseSetupError } from "./database-setup-error";
import { projectDir } from "./paths";
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

/** The most telling line of a driver or Prisma error ("connect ECONNREFUSED 127.0.0.1:9"). */
function databaseProblem(error: Error): string {
  const cause = driverCause(error);
  const text = typeof cause?.cause === "string" ? cause.cause : typeof cause?.originalMessage === "string" ? cause.originalMessage : error.message;
  return (
    text
      .replace(/^\(conn:[^)]*\)\s*/, "")
      .trim()
      .split("\n")[0] ?? "unknown error"
  );
}

/** Known failures print their one sentence; anything else keeps its stack for the developer. */
export function exitWith(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DatabaseSetupError || error instanceof MigrationError) {
    console.error(error.message);
  } else if (classifyFailure(error).status === "misconfigured") {
    console.error(`Planado cannot go on. ${(error as Error).message}`);
  } else if (error instanceof Error && (error.name.startsWith("PrismaClient") || /ECONNREFUSED|Access denied|ER_/.test(error.message))) {
    console.error(`Database error: ${databaseProblem(error)}. Check DATABASE_URL and that the database server runs.`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
