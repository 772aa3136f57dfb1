/**
 * What both app servers of the cluster run are configured with and the tests count on: the shared
 * secret (the tests derive the rooms and hashes the database holds with it), the stand-in Jitsi, the
 * database's name and how long after its start a conference is over.
 */
import { deriveKeys } from "../../../lib/keys/derive";

/** Both servers' secret: the tests derive the rooms and room hashes the database holds with it. */
export const CLUSTER_SECRET = "4ayQHQjJeczyuOwRsT6zAZyep5aHy1WFRW71bsPztkQ";
export const keys = deriveKeys(CLUSTER_SECRET);
/** Nothing listens there: a redirect to the room is only read, never followed. */
export const JITSI_STUB = "http://127.0.0.1:9";
export const DATABASE = "planado";
/** As the servers are configured: a conference is over this long after its start. */
export const CLEANUP_AFTER_HOURS = 23;
/** As the servers are configured: each sweeps at most once this often, when a request comes. */
export const SWEEP_INTERVAL_SECONDS = 1;
