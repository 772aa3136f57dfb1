/**
 * Starts Planado's server (server/app-server.ts): `node --import tsx server/main.ts`, after
 * `next build` (npm start does both). First makes "server-only" an empty module, as it is inside
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
