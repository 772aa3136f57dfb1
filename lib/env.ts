/**
 * Planado's configuration: environment variables, validated once, with one readable sentence per
 * mistake. Documented in `.env.example` and the README; keep the three in step.
 */
import { z } from "zod";
import { parseDatabaseUrl } from "./database-url";
import type { DatabaseCoordinates } from "./database-url";
import { DEFAULT_TRUSTED_PROXIES, parseAddressRange } from "./address-range";
import { canonicalTimeZone } from "./time/time-zones";
import { wholeNumber } from "./whole-number";

export const DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/planado";

// An empty variable (`PUBLIC_URL=` in a .env file) means "not set", not "set to nothing".
const unsetIfEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const httpUrl = (example: string) =>
  z.string().transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text.trim());
    } catch {
      ctx.addIssue({ code: "custom", message: `must be an http(s) URL such as ${example} (got "${text}")` });
      return z.NEVER;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: `must be an http(s) URL such as ${example} (got "${text}")` });
      return z.NEVER;
    }
    if (url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: `must not carry a query, fragment or credentials (got "${text}")` });
      return z.NEVER;
    }
    // A base without trailing slash, so `${base}/${path}` is always right.
    return url.href.replace(/\/+$/, "");
  });

/** true/false (also yes/no, 1/0, on/off), for switches. */
const flag = z
  .string()
  .transform((text, ctx) => {
    const value = text.trim().toLowerCase();
    if (["true", "yes", "1", "on"].includes(value)) return true;
    if (["false", "no", "0", "off"].includes(value)) return false;
    ctx.addIssue({ code: "custom", message: `must be true or false (got "${text}")` });
    return z.NEVER;
  })
  .default(false);

const secret = z.string().min(32, { error: "must be at least 32 characters (make one with: openssl rand -base64 32)" });

const databaseUrl = z.string().transform((text, ctx): { url: string; coordinates: DatabaseCoordinates } => {
  const parsed = parseDatabaseUrl(text.trim());
  if (typeof parsed === "string") {
    ctx.addIssue({ code: "custom", message: parsed });
    return z.NEVER;
  }
  return { url: text.trim(), coordinates: parsed };
});

const envSchema = z.object({
  DATABASE_URL: z.preprocess(unsetIfEmpty, databaseUrl.prefault(DEFAULT_DATABASE_URL)),
  JITSI_URL: z.preprocess(unsetIfEmpty, httpUrl("https://meet.jit.si").prefault("https://meet.jit.si")),
  PUBLIC_URL: z.preprocess(unsetIfEmpty, httpUrl("https://planado.example.org").optional()),
  /** The time zone the booking form offers when the browser does not say its own (no JavaScript). */
  DEFAULT_TIME_ZONE: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((zone, ctx) => {
        const canonical = canonicalTimeZone(zone);
        if (!canonical) ctx.addIssue({ code: "custom", message: `must be an IANA time zone such as Europe/Berlin (got "${zone}")` });
        return canonical ?? z.NEVER;
      })
      .default("UTC"),
  ),
  /** How many minutes before the start the invitation already opens the room. */
  EARLY_JOIN_MINUTES: z.preprocess(unsetIfEmpty, wholeNumber(0, 1440).default(0)),
  /** When set, participants see this notice and confirm before they are sent to Jitsi. */
  PRIVACY_NOTICE_URL: z.preprocess(unsetIfEmpty, httpUrl("https://planado.example.org/privacy").optional()),
  /**
   * Who runs the cleanup sweep: "request" (the app, on the side of ordinary requests), "cron" (the
   * operator, with `npm run cleanup`), or "off".
   */
  CLEANUP_MODE: z.preprocess(unsetIfEmpty, z.enum(["request", "cron", "off"], { error: "must be request, cron or off" }).default("request")),
  /** In "request" mode, the least time between two sweeps of one server process. */
  CLEANUP_INTERVAL_SECONDS: z.preprocess(unsetIfEmpty, wholeNumber(1, 86_400).default(60)),
  /** Hours after its start when a conference is over (deleted, or moved to its next occurrence). */
  CLEANUP_AFTER_HOURS: z.preprocess(unsetIfEmpty, wholeNumber(1, 24 * 366).default(23)),
  /**
   * The server's secret: rooms, invitation ids, name and calendar signatures are derived from it.
   * Generated and kept in PLANADO_DATA_DIR when unset (one server); servers sharing a database must
   * share it.
   */
  PLANADO_SECRET: z.preprocess(unsetIfEmpty, secret.optional()),
  /** Signs calendar links, as before PLANADO_SECRET (links already handed out keep working). */
  CALENDAR_SECRET: z.preprocess(unsetIfEmpty, secret.optional()),
  /** Minutes before the start for the calendar reminder; 0 for none. */
  CALENDAR_REMINDER_MINUTES: z.preprocess(unsetIfEmpty, wholeNumber(0, 7 * 24 * 60).default(10)),
  /** Where Planado keeps what it generates (the calendar secret; a private MariaDB if it needs one). */
  PLANADO_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default(".data")),
  /** Websites allowed to call the API from the browser: origins separated by commas, or "*". */
  API_CORS_ORIGINS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((text, ctx) => {
        const origins = text
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        for (const origin of origins) {
          if (origin === "*") continue;
          let parsed: URL | undefined;
          try {
            parsed = new URL(origin);
          } catch {
            parsed = undefined;
          }
          if (!parsed || parsed.origin !== origin) {
            ctx.addIssue({ code: "custom", message: `must list origins such as https://www.example.org, without paths (got "${origin}")` });
            return z.NEVER;
          }
        }
        return origins;
      })
      .default([]),
  ),
  /**
   * Bookings, edits and deletions each client may make per hour, through the forms and the API
   * together (0: no limit). API_CREATE_LIMIT_PER_HOUR is its older name, still read.
   */
  WRITE_LIMIT_PER_HOUR: z.preprocess(unsetIfEmpty, wholeNumber(0, 1_000_000).default(60)),
  /** API look-ups (conference or invitation) each client may make per minute (0: no limit). */
  API_LOOKUP_LIMIT_PER_MINUTE: z.preprocess(unsetIfEmpty, wholeNumber(0, 1_000_000).default(120)),
  /** Look-ups of unknown ids a client may make per minute before it gets 429 (0: no limit). */
  LOOKUP_MISS_LIMIT_PER_MINUTE: z.preprocess(unsetIfEmpty, wholeNumber(0, 1_000_000).default(20)),
  /** How long an invitation look-up may be reused (ms; 0: never). Other servers see changes this late. */
  INVITATION_CACHE_MS: z.preprocess(unsetIfEmpty, wholeNumber(0, 60_000).default(1_000)),
  /**
   * Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses or CIDRs,
   * separated by commas; "none" for none. Default: loopback and the private ranges.
   */
  TRUSTED_PROXIES: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((text, ctx) => {
        if (text.trim().toLowerCase() === "none") return [];
        const entries = text
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        const bad = entries.find((entry) => !parseAddressRange(entry));
        if (bad !== undefined) {
          ctx.addIssue({ code: "custom", message: `must list addresses or CIDRs such as 127.0.0.1, 10.0.0.0/8 or ::1, or say none (got "${bad}")` });
          return z.NEVER;
        }
        return entries;
      })
      .default(DEFAULT_TRUSTED_PROXIES),
  ),
  PORT: z.preprocess(unsetIfEmpty, wholeNumber(1, 65535, "must be a port number between 1 and 65535").default(3000)),
  /**
   * Enforcing bookings on the operator's own Jitsi (see the README). Jitsi's reservation calls
   * (Prosody's mod_reservations) must bring this as a Bearer token; unset, the endpoints do not exist.
   */
  JITSI_RESERVATIONS_SECRET: z.preprocess(unsetIfEmpty, secret.optional()),
  /** Minutes after a conference's booked end until Jitsi ends it (reservations and tokens). */
  JITSI_RESERVATION_GRACE_MINUTES: z.preprocess(unsetIfEmpty, wholeNumber(0, 1440).default(30)),
  /** Admit rooms Planado does not know (a Jitsi also used for ad-hoc rooms). */
  JITSI_RESERVATIONS_ALLOW_UNBOOKED: z.preprocess(unsetIfEmpty, flag),
  /** Jitsi's token authentication: `iss` (Prosody's app_id) and the HS256 secret (its app_secret). */
  JITSI_JWT_APP_ID: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[\x21-\x7e]{1,128}$/, { error: "must be Prosody's app_id (no spaces)" })
      .optional(),
  ),
  JITSI_JWT_SECRET: z.preprocess(unsetIfEmpty, secret.optional()),
  /** The token's `aud` and `sub` (Prosody's domain or tenant, or "*"). */
  JITSI_JWT_AUDIENCE: z.preprocess(unsetIfEmpty, z.string().max(255).default("jitsi")),
  JITSI_JWT_SUBJECT: z.preprocess(unsetIfEmpty, z.string().max(255).default("*")),
  /** Show the conference's name in each participant's Jitsi (a URL fragment: never sent to Jitsi's server). */
  JITSI_SHOW_NAME: z.preprocess(unsetIfEmpty, flag),
  /** The address the server listens on (127.0.0.1 behind a proxy on the same host); unset: all. */
  LISTEN_ADDRESS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, { error: (issue) => `must be an address such as 127.0.0.1 or ::1 (got "${String(issue.input)}")` })
      .optional(),
  ),
});

export type Config = z.output<typeof envSchema>;

/** Every variable Planado reads (its older names aside). */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

/** Settings that only make sense together. */
function together(config: Config): string[] {
  const problems: string[] = [];
  if (Boolean(config.JITSI_JWT_APP_ID) !== Boolean(config.JITSI_JWT_SECRET)) {
    problems.push("JITSI_JWT_APP_ID and JITSI_JWT_SECRET go together: set both (token authentication) or neither");
  }
  return problems;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; throws a ConfigError whose message is one line naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const older = { WRITE_LIMIT_PER_HOUR: env.WRITE_LIMIT_PER_HOUR?.trim() ? env.WRITE_LIMIT_PER_HOUR : env.API_CREATE_LIMIT_PER_HOUR };
  const result = envSchema.safeParse({ ...env, ...older });
  const problems = result.success ? together(result.data) : result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(`Planado cannot start: ${problems.join("; ")}.`);
}

let cached: Config | undefined;

/** The configuration of this process, validated on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
