/**
 * How the compiled server is started is said in one place (scripts/lib/launch.ts): npm start and the
 * systemd unit run the same thing, and what the set-up writes down reads back unchanged.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launchVariables, SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from "../scripts/lib/launch";

const unit = readFileSync("deploy/planado.service", "utf8");
const setting = (name: string) =>
  unit
    .split("\n")
    .find((line) => line.startsWith(`${name}=`))
    ?.slice(name.length + 1);

describe("starting the compiled server", () => {
  it("is the same for systemd as for npm start: the set-up runs and exits, then plain node runs the bundle with the budget's flags", () => {
    expect(setting("ExecStartPre")).toBe("/usr/bin/node scripts/bootstrap.mjs setup --no-private-database");
    expect(setting("ExecStart")).toBe(`/usr/bin/node ${SERVER_NODE_OPTIONS.join(" ")} .next/planado/server.mjs`);
    for (const [name, value] of Object.entries(SERVER_ENVIRONMENT)) expect(unit).toContain(`\nEnvironment=${name}=${value}\n`);
    const start = readFileSync("scripts/start.sh", "utf8");
    expect(start).toMatch(/^node scripts\/bootstrap\.mjs setup "\$@"$/m);
    expect(start).toMatch(/^exec node \$PLANADO_NODE_OPTIONS "\.\/\$dist\/planado\/server\.mjs"$/m);
    expect(JSON.parse(readFileSync("package.json", "utf8")).scripts.start).toBe("exec sh scripts/start.sh");
  });

  it("hands the server what the set-up chose, read back by the shell exactly as written", () => {
    const databaseUrl = "mysql://planado:it's a $pass`word\"\\@127.0.0.1:3307/planado";
    const file = join(mkdtempSync(join(tmpdir(), "planado-launch-")), "launch.env");
    writeFileSync(file, launchVariables({ distDir: ".next", databaseUrl, privateDatabasePid: 4242 }));
    const read = spawnSync("sh", ["-c", `set -a; . "${file}"; set +a; node -e 'console.log(JSON.stringify(process.env))'`], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "", NEXT_DIST_DIR: "" },
    });
    const env = JSON.parse(read.stdout) as Record<string, string>;
    expect(env).toMatchObject({
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_DIST_DIR: ".next",
      PLANADO_NODE_OPTIONS: SERVER_NODE_OPTIONS.join(" "),
      PLANADO_PRIVATE_DATABASE_PID: "4242",
      ...SERVER_ENVIRONMENT,
    });
  });
});
