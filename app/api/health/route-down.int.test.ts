import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/free-port";

// Point this file's app code at a port where no database listens (modules are isolated per file).
beforeAll(async () => {
  const port = await freePort();
  process.env.DATABASE_URL = `mysql://root:topsecret@127.0.0.1:${port}/planado`;
});

describe("GET /api/health without a database", () => {
  it("answers 503 with a reason and no internals", async () => {
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("10");
    const body = await response.json();
    expect(body).toEqual({ status: "unavailable", reason: "The database does not answer." });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|topsecret|ECONNREFUSED/);
  });
});
