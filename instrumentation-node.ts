// When the server starts: validate the configuration, so a mistake stops it at once with one
// sentence instead of failing on the first request, and make the calendar secret if there is none.
import { secretFromConfig } from "./lib/calendar";
import { ConfigError, getConfig } from "./lib/env";

try {
  getConfig();
  secretFromConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Planado cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
