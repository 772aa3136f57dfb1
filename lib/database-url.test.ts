import { describe, expect, it } from "vitest";
import { describeDatabase, formatDatabaseUrl, isLocalHost, parseDatabaseUrl } from "./database-url";

describe("parseDatabaseUrl", () => {
  it("reads every part of a full URL, decoding escaped characters", () => {
    expect(parseDatabaseUrl("mysql://app:p%40ss%2Fword@db.example.org:3307/planado_prod")).toEqual({
      host: "db.example.org",
      port: 3307,
      user: "app",
      password: "p@ss/word",
      database: "planado_prod",
    });
  });

  it("defaults the port to 3306 and the user to root, and accepts mariadb://", () => {
    expect(parseDatabaseUrl("mariadb://127.0.0.1/planado")).toEqual({
      host: "127.0.0.1",
      port: 3306,
      user: "root",
      password: "",
      database: "planado",
    });
  });

  it("unwraps IPv6 hosts", () => {
    expect(parseDatabaseUrl("mysql://root@[::1]:3306/planado")).toMatchObject({ host: "::1" });
  });

  it.each([
    ["not a url", /is not a URL/],
    ["postgres://root@localhost/planado", /must start with mysql:\/\/ or mariadb:\/\//],
    ["mysql://root@127.0.0.1:3306", /names no database/],
    ["mysql://root@127.0.0.1:3306/", /names no database/],
    ["mysql://root@127.0.0.1/plan%20ado", /unusable database name/],
  ])("explains what is wrong with %s", (text, message) => {
    const result = parseDatabaseUrl(text);
    expect(typeof result).toBe("string");
    expect(result).toMatch(message);
  });

  it("never repeats the password in an error", () => {
    const result = parseDatabaseUrl("mysql://root:hunter2@127.0.0.1/bad name");
    expect(result).not.toContain("hunter2");
  });
});

describe("formatDatabaseUrl and describeDatabase", () => {
  const c = { host: "127.0.0.1", port: 3306, user: "a b", password: "p@ss", database: "planado" };

  it("round-trips through parseDatabaseUrl", () => {
    expect(parseDatabaseUrl(formatDatabaseUrl(c))).toEqual(c);
  });

  it("masks the password for printing", () => {
    expect(describeDatabase(c)).toBe("mysql://a%20b:****@127.0.0.1:3306/planado");
    expect(describeDatabase({ ...c, password: "" })).toBe("mysql://a%20b@127.0.0.1:3306/planado");
  });
});

describe("isLocalHost", () => {
  it.each(["localhost", "127.0.0.1", "127.0.1.1", "::1"])("%s is this machine", (host) => {
    expect(isLocalHost(host)).toBe(true);
  });
  it.each(["db.example.org", "10.0.0.5", "0.0.0.0"])("%s is not", (host) => {
    expect(isLocalHost(host)).toBe(false);
  });
});
