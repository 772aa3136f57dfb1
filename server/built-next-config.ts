/**
 * Next's configuration as the build wrote it down (`<distDir>/required-server-files.json`), handed to
 * Next the way Next's own standalone server does (`__NEXT_PRIVATE_STANDALONE_CONFIG`), so that the
 * serving process never loads next.config.ts. Loading it means compiling it with SWC and running
 * next-intl's plugin, which loads @swc/core and a file watcher: native modules and code worth tens of
 * MiB resident and a few hundred milliseconds at every start, for a file the build has already read
 * (bench/README.md, issue 25).
 *
 * What next.config.ts computes from the environment is computed again here, from the same rule: the
 * server actions' allowed origins from PUBLIC_URL, which the operator may change without rebuilding.
 * Without the build's copy (a build older than Next's standalone support) Next loads next.config.ts
 * as before.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { serverActionOrigins } from "@/lib/pipeline/server-action-origins";

const SERVER_FILES = "required-server-files.json";

interface BuiltConfig {
  distDir?: string;
  experimental?: { serverActions?: { allowedOrigins?: string[] } };
  [key: string]: unknown;
}

/**
 * The build's configuration in `<projectDir>/<distDir>`, with what depends on the environment set
 * for this run; undefined without one (or with one that is not a built configuration).
 */
export function builtNextConfig(projectDir: string, distDir: string, publicUrl: string | undefined): BuiltConfig | undefined {
  let config: BuiltConfig;
  try {
    config = (JSON.parse(readFileSync(path.join(projectDir, distDir, SERVER_FILES), "utf8")) as { config: BuiltConfig }).config;
  } catch {
    return undefined;
  }
  if (!config || typeof config !== "object" || typeof config.distDir !== "string") return undefined;
  const experimental = config.experimental ?? {};
  return {
    ...config,
    // The folder this server reads, whatever it was called when it was built: Next serves the same
    // build as our server's own assets (server/assets.ts).
    distDir,
    // Replaced, not added to: the one rule is lib/pipeline/server-action-origins.ts.
    experimental: { ...experimental, serverActions: { ...experimental.serverActions, allowedOrigins: serverActionOrigins(publicUrl) } },
  };
}

/**
 * Makes Next take the build's configuration (see above) instead of loading next.config.ts. The
 * variable stays set for the process's life, and would make any Next started from it (with this
 * environment) skip next.config.ts too: the serving process starts no other program.
 */
export function handNextItsBuiltConfig(projectDir: string, distDir: string, publicUrl: string | undefined): boolean {
  const config = builtNextConfig(projectDir, distDir, publicUrl);
  if (!config) {
    console.warn(`[planado] ${distDir}/${SERVER_FILES} is missing or unreadable: Next loads next.config.ts itself (slower, and about 40 MiB more).`);
    return false;
  }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  return true;
}
