/** Where the project lives on disk, for scripts, tests and benchmarks that read or run its files. */
import { join, resolve } from "node:path";

export const projectDir = resolve(import.meta.dirname, "../..");
export const migrationsDir = join(projectDir, "prisma/migrations");
