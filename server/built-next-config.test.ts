import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { builtNextConfig, handNextItsBuiltConfig } from "./built-next-config";

const projects: string[] = [];
afterEach(() => {
  for (const folder of projects.splice(0)) rmSync(folder, { recursive: true, force: true });
  delete process.env.__NEXT_PRIVATE_STANDALONE_CONFIG;
  vi.restoreAllMocks();
});

/** A project whose build folder `distDir` holds required-server-files.json with `config` (as `next build` writes it). */
function projectWith(config: unknown, distDir = ".next"): string {
  const project = mkdtempSync(join(tmpdir(), "planado-built-config-"));
  projects.push(project);
  mkdirSync(join(project, distDir));
  writeFileSync(join(project, distDir, "required-server-files.json"), JSON.stringify({ version: 1, config, files: [] }));
  return project;
}

const asBuilt = {
  distDir: ".next",
  poweredByHeader: false,
  experimental: { serverActions: { allowedOrigins: ["built.example"], bodySizeLimit: 65536 }, proxyClientMaxBodySize: 65536 },
};

describe("Next's configuration as the build wrote it down", () => {
  it("is handed over as built, but for the server actions' origins, which follow PUBLIC_URL at run time", () => {
    const config = builtNextConfig(projectWith(asBuilt), ".next", "https://planado.example.org:8443/base");
    expect(config).toEqual({
      ...asBuilt,
      experimental: { ...asBuilt.experimental, serverActions: { allowedOrigins: ["planado.example.org:8443"], bodySizeLimit: 65536 } },
    });
  });

  it("names no other origin when PUBLIC_URL is unset, whatever the build's environment said", () => {
    expect(builtNextConfig(projectWith(asBuilt), ".next", undefined)?.experimental?.serverActions?.allowedOrigins).toEqual([]);
    expect(builtNextConfig(projectWith({ distDir: ".next" }), ".next", undefined)?.experimental?.serverActions?.allowedOrigins).toEqual([]);
  });

  it("serves the folder the server reads, even when the build was made under another name", () => {
    expect(builtNextConfig(projectWith(asBuilt, ".next-moved"), ".next-moved", undefined)?.distDir).toBe(".next-moved");
  });

  it("is left to Next (which then loads next.config.ts, with a warning) without a copy, or with a broken one", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const empty = mkdtempSync(join(tmpdir(), "planado-built-config-"));
    projects.push(empty);
    expect(builtNextConfig(empty, ".next", undefined)).toBeUndefined();
    expect(handNextItsBuiltConfig(empty, ".next", undefined)).toBe(false);
    expect(process.env.__NEXT_PRIVATE_STANDALONE_CONFIG).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(".next/required-server-files.json is missing or unreadable"));
    const broken = projectWith(null);
    writeFileSync(join(broken, ".next", "required-server-files.json"), "{ not json");
    expect(builtNextConfig(broken, ".next", undefined)).toBeUndefined();
    expect(builtNextConfig(projectWith({ poweredByHeader: false }), ".next", undefined)).toBeUndefined();
  });

  it("reaches Next the way Next's own standalone server hands it over", () => {
    expect(handNextItsBuiltConfig(projectWith(asBuilt), ".next", "http://planado.test:8080")).toBe(true);
    const handed = JSON.parse(process.env.__NEXT_PRIVATE_STANDALONE_CONFIG!) as typeof asBuilt;
    expect(handed.experimental.serverActions.allowedOrigins).toEqual(["planado.test:8080"]);
    expect(handed.distDir).toBe(".next");
  });
});
