/**
 * Starts Planado's server (server/app-server.ts). Compiled by the build into
 * `<distDir>/planado/server.mjs` (scripts/lib/server-bundle.ts), which npm start and systemd run with
 * plain node; tests run it from its sources (`node --import tsx server/main.ts`). First makes
 * "server-only" an empty module (the bundle has it empty already), as it is inside
 * Next's bundles (see lib/server-only-outside-next.mjs); the server is imported after that, because
 * a static import would be resolved before this file runs.
 */
import "../lib/server-only-outside-next.mjs";

// Before anything can write a line: no capability link or query in the log (lib/pipeline/log-lines.ts).
const { scrubProcessOutput } = await import("./scrubbed-output");
scrubProcessOutput();

const { startServer } = await import("./app-server");
startServer().catch((error: unknown) => {
  console.error(`Planado cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
