import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CONFIG_VARIABLES, ConfigError, parseConfig } from "./env";

function errorOf(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("has sensible defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL.url).toBe("mysql://root@127.0.0.1:3306/planado");
    expect(config.DATABASE_URL.coordinates).toMatchObject({ host: "127.0.0.1", port: 3306, database: "planado" });
    expect(config.JITSI_URL).toBe("https://meet.jit.si");
    expect(config.PUBLIC_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(config.CALENDAR_SECRET).toBeUndefined();
    expect(config.CALENDAR_REMINDER_MINUTES).toBe(10);
    expect(config.PLANADO_DATA_DIR).toBe(".data");
    expect(config.DEFAULT_TIME_ZONE).toBe("UTC");
    expect(config.EARLY_JOIN_MINUTES).toBe(0);
    expect(config.CLEANUP_AFTER_HOURS).toBe(23);
    expect(config.CLEANUP_MODE).toBe("request");
    expect(config.CLEANUP_INTERVAL_SECONDS).toBe(60);
    expect(config.API_CORS_ORIGINS).toEqual([]);
    expect(parseConfig({ API_CORS_ORIGINS: "https://a.example, http://localhost:8080" }).API_CORS_ORIGINS).toEqual([
      "https://a.example",
      "http://localhost:8080",
    ]);
    expect(config.WRITE_LIMIT_PER_HOUR).toBe(60);
    expect(parseConfig({ API_CREATE_LIMIT_PER_HOUR: "5" }).WRITE_LIMIT_PER_HOUR).toBe(5);
    expect(parseConfig({ API_CREATE_LIMIT_PER_HOUR: "5", WRITE_LIMIT_PER_HOUR: "7" }).WRITE_LIMIT_PER_HOUR).toBe(7);
    expect(config.API_LOOKUP_LIMIT_PER_MINUTE).toBe(120);
  });

  it("trusts forwarding headers from loopback and private ranges by default, from a list, or from nobody", () => {
    expect(parseConfig({}).TRUSTED_PROXIES).toContain("127.0.0.0/8");
    expect(parseConfig({ TRUSTED_PROXIES: "192.0.2.10, 2001:db8::/48" }).TRUSTED_PROXIES).toEqual(["192.0.2.10", "2001:db8::/48"]);
    expect(parseConfig({ TRUSTED_PROXIES: "none" }).TRUSTED_PROXIES).toEqual([]);
    expect(parseConfig({ LISTEN_ADDRESS: "127.0.0.1" }).LISTEN_ADDRESS).toBe("127.0.0.1");
    expect(errorOf({ LISTEN_ADDRESS: "0.0.0.0; rm -rf" })).toContain("LISTEN_ADDRESS must be an address such as 127.0.0.1 or ::1");
    expect(errorOf({ TRUSTED_PROXIES: "10.0.0.0/8, proxy.example" })).toContain(
      'TRUSTED_PROXIES must list addresses or CIDRs such as 127.0.0.1, 10.0.0.0/8 or ::1, or say none (got "proxy.example")',
    );
  });

  it("reads the settings for enforcing bookings on the operator's own Jitsi, off by default", () => {
    const config = parseConfig({});
    expect([config.JITSI_RESERVATIONS_SECRET, config.JITSI_JWT_APP_ID, config.JITSI_JWT_SECRET]).toEqual([undefined, undefined, undefined]);
    expect([config.JITSI_RESERVATION_GRACE_MINUTES, config.JITSI_RESERVATIONS_ALLOW_UNBOOKED, config.JITSI_SHOW_NAME]).toEqual([30, false, false]);
    expect([config.JITSI_JWT_AUDIENCE, config.JITSI_JWT_SUBJECT]).toEqual(["jitsi", "*"]);
    expect(parseConfig({ JITSI_RESERVATIONS_ALLOW_UNBOOKED: "yes", JITSI_SHOW_NAME: "TRUE" })).toMatchObject({
      JITSI_RESERVATIONS_ALLOW_UNBOOKED: true,
      JITSI_SHOW_NAME: true,
    });
    expect(errorOf({ JITSI_SHOW_NAME: "maybe" })).toContain('JITSI_SHOW_NAME must be true or false (got "maybe")');
    expect(errorOf({ JITSI_RESERVATIONS_SECRET: "short" })).toContain("JITSI_RESERVATIONS_SECRET must be at least 32 characters");
    expect(errorOf({ JITSI_JWT_APP_ID: "planado" })).toContain("JITSI_JWT_APP_ID and JITSI_JWT_SECRET go together");
    expect(parseConfig({ JITSI_JWT_APP_ID: "planado", JITSI_JWT_SECRET: "s".repeat(32) }).JITSI_JWT_APP_ID).toBe("planado");
  });

  it("explains bad values of the other settings", () => {
    expect(errorOf({ CALENDAR_SECRET: "short" })).toContain("CALENDAR_SECRET must be at least 32 characters");
    expect(errorOf({ DEFAULT_TIME_ZONE: "Mars/Olympus" })).toContain('DEFAULT_TIME_ZONE must be an IANA time zone such as Europe/Berlin (got "Mars/Olympus")');
    expect(errorOf({ EARLY_JOIN_MINUTES: "-5" })).toContain("EARLY_JOIN_MINUTES must be a whole number from 0 to 1440");
    expect(errorOf({ CALENDAR_REMINDER_MINUTES: "ten" })).toContain("CALENDAR_REMINDER_MINUTES must be a whole number from 0 to 10080");
    expect(errorOf({ PRIVACY_NOTICE_URL: "javascript:alert(1)" })).toContain("PRIVACY_NOTICE_URL must be an http(s) URL");
    expect(errorOf({ CLEANUP_MODE: "sometimes" })).toContain("CLEANUP_MODE must be request, cron or off");
    expect(errorOf({ API_CORS_ORIGINS: "https://ok.example, https://bad.example/path" })).toContain(
      'API_CORS_ORIGINS must list origins such as https://www.example.org, without paths (got "https://bad.example/path")',
    );
    expect(errorOf({ CLEANUP_INTERVAL_SECONDS: "0" })).toContain("CLEANUP_INTERVAL_SECONDS must be a whole number from 1 to 86400");
  });

  it("treats empty values as unset", () => {
    const config = parseConfig({ DATABASE_URL: "", JITSI_URL: " ", PUBLIC_URL: "", PORT: "" });
    expect(config.JITSI_URL).toBe("https://meet.jit.si");
    expect(config.PORT).toBe(3000);
  });

  it("normalises URLs without a trailing slash", () => {
    const config = parseConfig({ JITSI_URL: "https://jitsi.example.org/", PUBLIC_URL: "https://planado.example.org/app/" });
    expect(config.JITSI_URL).toBe("https://jitsi.example.org");
    expect(config.PUBLIC_URL).toBe("https://planado.example.org/app");
  });

  it("explains a bad JITSI_URL in one line", () => {
    const message = errorOf({ JITSI_URL: "meet.jit.si" });
    expect(message).toBe('Planado cannot start: JITSI_URL must be an http(s) URL such as https://meet.jit.si (got "meet.jit.si").');
    expect(message).not.toContain("\n");
  });

  it("refuses non-http schemes and URLs with a query", () => {
    expect(errorOf({ JITSI_URL: "ftp://meet.example.org" })).toContain("JITSI_URL must be an http(s) URL");
    expect(errorOf({ JITSI_URL: "https://meet.example.org/?x=1" })).toContain("JITSI_URL must not carry a query");
  });

  it("explains a bad DATABASE_URL without printing its password", () => {
    const message = errorOf({ DATABASE_URL: "postgres://u:secret@localhost/planado" });
    expect(message).toBe("Planado cannot start: DATABASE_URL must start with mysql:// or mariadb:// (got postgres://).");
    expect(message).not.toContain("secret");
  });

  it("names every bad variable at once", () => {
    const message = errorOf({ DATABASE_URL: "nonsense", PORT: "99999", PUBLIC_URL: "planado" });
    expect(message).toMatch(/DATABASE_URL is not a URL/);
    expect(message).toMatch(/PUBLIC_URL must be an http\(s\) URL/);
    expect(message).toMatch(/PORT must be a port number between 1 and 65535/);
    expect(message.split("\n")).toHaveLength(1);
  });

  it.each(["0", "abc", "80.5", "65536"])("refuses PORT=%s", (port) => {
    expect(errorOf({ PORT: port })).toContain("PORT must be a port number between 1 and 65535");
  });
});

describe("the documentation of the configuration", () => {
  it("names every variable in .env.example and in the README's table, and nothing else", () => {
    const variables = [...CONFIG_VARIABLES].sort();
    const example = [...readFileSync(".env.example", "utf8").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!).sort();
    expect(example).toEqual(variables);
    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
    const documented = new Set([...table.matchAll(/^\| `([A-Z][A-Z0-9_]*)`(?:, `([A-Z][A-Z0-9_]*)`)?/gm)].flatMap((m) => [m[1]!, ...(m[2] ? [m[2]] : [])]));
    expect(variables.filter((name) => !documented.has(name))).toEqual([]);
  });
});
