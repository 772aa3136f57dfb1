/**
 * What the Playwright configuration and the tests must agree on: the run's database, the servers'
 * secret, ports and settings. Here, below both, so the configuration and the tests each import it.
 */
import { randomBytes } from "node:crypto";
import { formatDatabaseUrl } from "../../lib/database-url";
import { parseConfig } from "../../lib/env";

// One throwaway database per run, named here so the web server and the tests agree on it. Worker
// processes inherit this environment, so they see the name the main process chose.
process.env.PLANADO_E2E_DATABASE ??= `planado_e2e_${randomBytes(6).toString("hex")}`;
const databaseServer = parseConfig(process.env).DATABASE_URL.coordinates;
export const e2eDatabaseUrl = formatDatabaseUrl({ ...databaseServer, database: process.env.PLANADO_E2E_DATABASE });

/** The servers' secret: the tests derive the ids and rooms the database no longer holds with it. */
export const E2E_SECRET = "cLO9E_QwPTWbdVeizC5QfM9O8gTizEd14SqmzOFKZcM";

export const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
export const OPERATOR_OPTIONS_PORT = port + 2;
export const NO_DATABASE_PORT = port + 3;
export const ENFORCING_PORT = port + 4;
/** Planado behind Debian's nginx (e2e/deploy/): the app's port, nginx's port and the public host name. */
export const BEHIND_NGINX_PORT = port + 5;
export const NGINX_PORT = port + 6;
export const PUBLIC_HOST = "planado.test";

/** The settings of the server whose (stand-in) Jitsi enforces bookings: reservations and tokens. */
export const ENFORCING_JITSI = {
  JITSI_JWT_APP_ID: "planado-e2e",
  JITSI_JWT_SECRET: "e2e-jitsi-token-secret-0123456789abcdef0123",
  JITSI_RESERVATIONS_SECRET: "e2e-jitsi-reservations-secret-0123456789abcd",
  JITSI_JWT_SUBJECT: "meet.example.org",
  JITSI_SHOW_NAME: "true",
};
