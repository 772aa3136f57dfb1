import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  // As inside Next's server bundles: the marker that keeps server modules out of client code is empty.
  "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
};

// The server's secret for every test (never the generated file of a developer's .data/ folder).
const env = { PLANADO_SECRET: "6VLQ5q9Ebx5vND2hWN4am5uP5pu-atKDzzoL7gRMyBs" };

// Run with a non-UTC TZ (npm test sets Asia/Kathmandu, +05:45) so code that leans on the machine's
// zone instead of the conference's fails loudly.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          env,
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "server/**/*.test.ts", "tests/**/*.test.ts", "ui/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          env,
          include: ["**/*.int.test.ts"],
          exclude: ["**/node_modules/**", ".data/**", ".next*/**"],
          environment: "node",
          globalSetup: ["tests/support/global-database.ts"],
          // One database for the run: files take turns, so a test that counts rows sees only its own.
          fileParallelism: false,
          setupFiles: ["tests/support/use-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
