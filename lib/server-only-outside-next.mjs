/**
 * Outside Next's bundles, "server-only" is an empty module. The modules that must never reach a
 * browser (lib/db.ts, the booking schema, the translators with every language's texts) import
 * "server-only": inside Next that makes a client component importing them a build error. Our own
 * Node programs (the server in front of Next, the scripts) load those modules without a bundler,
 * where the package would throw; they load this file first (server/main.ts, scripts/bootstrap.mjs).
 */
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, nextResolve) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : nextResolve(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
