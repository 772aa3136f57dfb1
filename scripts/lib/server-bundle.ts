/**
 * Our server compiled at build time: server/main.ts and the lib/ it imports, bundled by esbuild into
 * one ES module beside the build (`<distDir>/planado/server.mjs`, its source map next to it) that plain
 * `node` runs: no TypeScript compiler, no esbuild and no loader hook in the serving process. What npm
 * installs stays outside the bundle (Next, React, Prisma's runtime, the mariadb driver, zod …): Node
 * loads one copy of each, the same one Next's own bundles use.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, transformSync } from "esbuild";
import type { Plugin } from "esbuild";
import { projectDir } from "./paths";
import { serverBundlePath } from "./server-bundle-path";

/**
 * "server-only" is an empty module here as inside Next's bundles (lib/server-only-outside-next.mjs
 * does the same for programs run by tsx, with a loader hook this bundle need not pay for).
 */
const emptyModules: Plugin = {
  name: "planado-empty-modules",
  setup(bundle) {
    bundle.onResolve({ filter: /^server-only$|server-only-outside-next\.mjs$/ }, (args) => ({ path: args.path, namespace: "planado-empty" }));
    bundle.onLoad({ filter: /.*/, namespace: "planado-empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/** The wait page's script, minified here once (server/pages/countdown-script.ts takes it as it is). */
function minifiedCountdown(): string {
  const source = readFileSync(join(projectDir, "server", "pages", "countdown.es5.js"), "utf8");
  return transformSync(source, { minify: true, target: "es5", legalComments: "none" }).code.trim();
}

export async function bundleServer(distDir: string): Promise<{ file: string; bytes: number }> {
  const file = serverBundlePath(distDir);
  await build({
    entryPoints: [join(projectDir, "server", "main.ts")],
    outfile: file,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    jsx: "automatic",
    // Readable stack traces without a source-map pass at run time: names kept, code not minified.
    keepNames: true,
    sourcemap: "linked",
    tsconfig: join(projectDir, "tsconfig.json"),
    define: { PLANADO_COUNTDOWN_SCRIPT: JSON.stringify(minifiedCountdown()), PLANADO_BUNDLED: "true" },
    plugins: [emptyModules],
    logLevel: "warning",
  });
  return { file, bytes: statSync(file).size };
}
