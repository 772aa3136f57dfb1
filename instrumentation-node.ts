// Validate the configuration when the server starts, so a mistake stops it at once with one
// sentence instead of failing on the first request.
import { ConfigError, getConfig } from "./lib/env";

try {
  getConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
