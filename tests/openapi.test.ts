import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { participantRoute } from "@/server/routes";
import { openApiDocument } from "@/lib/api/openapi";

const apiDir = join(import.meta.dirname, "../app/api/v1");

/**
 * Every route file under app/api/v1 with the methods it really serves (not the 405 stand-ins), and
 * those our server answers before Next (server/routes.ts).
 */
function routes(): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
        const route = relative(apiDir, dir);
        const sample = `/api/v1/${route.replace(/\[\w+\]/g, "abcdefghijklmnopqrstuvwxyz")}`;
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
          if (participantRoute(method, sample)) methods.push(method.toLowerCase());
        }
        found.push({ path: `/${route}`.replace(/\[(\w+)\]/g, "{$1}"), methods });
      }
    }
  };
  walk(apiDir);
  return found;
}

describe("the OpenAPI document", () => {
  const document = openApiDocument("https://planado.example.org/api/v1");

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every API route and every method it serves, and nothing else", () => {
    const served = routes();
    expect(served.length).toBeGreaterThanOrEqual(4);
    const documented = Object.entries(document.paths).map(([path, item]) => ({
      path,
      methods: Object.keys(item)
        .filter((key) => ["get", "post", "put", "patch", "delete"].includes(key))
        .sort(),
    }));
    expect(documented.sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      served.map((r) => ({ ...r, methods: r.methods.sort() })).sort((a, b) => a.path.localeCompare(b.path)),
    );
  });

  it("takes the booking body from the booking form's schema", () => {
    const booking = document.components.schemas.Booking as { required: string[]; properties: Record<string, { enum?: string[] }> };
    expect(booking.required.sort()).toEqual(["name", "start", "timeZone"]);
    expect(Object.keys(booking.properties).sort()).toEqual(["durationMinutes", "name", "repeat", "start", "timeZone"]);
  });

  it("never offers the room id in a conference", () => {
    const conference = document.components.schemas.Conference as { properties: Record<string, { properties?: object }> };
    const names = [...Object.keys(conference.properties), ...Object.keys(conference.properties.links?.properties ?? {})];
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => /room/i.test(name))).toEqual([]);
  });
});
