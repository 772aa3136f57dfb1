import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads its native schema engine before every command, even those that never run
// it (generate, validate, format). No engine can be downloaded here and Planado migrates with its own
// runner (scripts/migrate.ts), so point the CLI at any existing file to keep those commands offline.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/true") ? "/bin/true" : process.execPath;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/planado" },
});
