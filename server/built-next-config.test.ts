import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { builtNextConfig, handNextItsBuiltConfig } from "./built-next-config";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  delete process.env.__NEXT_PRIVATE_STANDALONE_CONFIG;
});

/** A build folder whose required-server-files.json holds `config` (as `next build` writes it). */
function buildWith(config: unknown): string {
  const folder = mkdtempSync(join(tmpdir(), "planado-built-config-"));
  folders.push(folder);
  writeFileSync(join(folder, "required-server-files.json"), JSON.stringify({ version: 1, config, files: [] }));
  return folder;
}

const asBuilt = {
  distDir: ".next",
  poweredByHeader: false,
  experimental: { serverActions: { allowedOrigins: ["built.example"], bodySizeLimit: 65536 }, proxyClientMaxBodySize: 65536 },
};

describe("Next's configuration as the build wrote it down", () => {
  it("is handed over as built, but for the server actions' origins, which follow PUBLIC_URL at run time", () => {
    const config = builtNextConfig(buildWith(asBuilt), "https://planado.example.org:8443/base");
    expect(config).toEqual({
      ...asBuilt,
      experimental: { ...asBuilt.experimental, serverActions: { allowedOrigins: ["planado.example.org:8443"], bodySizeLimit: 65536 } },
    });
  });

  it("names no other origin when PUBLIC_URL is unset, whatever the build's environment said", () => {
    expect(builtNextConfig(buildWith(asBuilt), undefined)?.experimental?.serverActions?.allowedOrigins).toEqual([]);
    expect(builtNextConfig(buildWith({ distDir: ".next" }), undefined)?.experimental?.serverActions?.allowedOrigins).toEqual([]);
  });

  it("is left to Next (which then loads next.config.ts) when the build has no copy, or a broken one", () => {
    const empty = mkdtempSync(join(tmpdir(), "planado-built-config-"));
    folders.push(empty);
    expect(builtNextConfig(empty, undefined)).toBeUndefined();
    expect(handNextItsBuiltConfig(empty, undefined)).toBe(false);
    expect(process.env.__NEXT_PRIVATE_STANDALONE_CONFIG).toBeUndefined();
    const broken = buildWith(null);
    writeFileSync(join(broken, "required-server-files.json"), "{ not json");
    expect(builtNextConfig(broken, undefined)).toBeUndefined();
  });

  it("reaches Next the way Next's own standalone server hands it over", () => {
    expect(handNextItsBuiltConfig(buildWith(asBuilt), "http://planado.test:8080")).toBe(true);
    const handed = JSON.parse(process.env.__NEXT_PRIVATE_STANDALONE_CONFIG!) as typeof asBuilt;
    expect(handed.experimental.serverActions.allowedOrigins).toEqual(["planado.test:8080"]);
    expect(handed.distDir).toBe(".next");
  });
});
