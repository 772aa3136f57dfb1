import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Boundaries (CONTRIBUTING.md): which folder may use which, as import patterns each folder may not
// use. tests/lint-boundaries.test.ts shows every one refusing a forbidden import.
const DATABASE = {
  regex: "(^|/)(db|cluster-reads)(\\.[cm]?[jt]sx?)?$",
  message: "Only a domain's store.ts (and lib/cleanup/run.ts, the health check) talks to the database: call the domain's operations.ts.",
};
const STORE = {
  regex: "(^|/)store(\\.[cm]?[jt]sx?)?$",
  allowTypeImports: true,
  message: "Doors call the domain's operations.ts, not its store.ts.",
};
// "../x" and "./../x" alike.
const CLIMBING = { regex: "^(\\./)?\\.\\./", message: "app/ imports its own files as @/app/…, never by climbing out of a folder." };
/** @param {string} folders */
const above = (folders) => `^@/(${folders})/|^(\\./)?(\\.\\./)+(${folders})/`;
const CORE_ONLY = {
  regex: above("ui|app|server|scripts|bench|e2e|tests"),
  message: "lib/ is the core: it may not use the doors (app/, server/), the programs (scripts/, bench/) or the tests.",
};
const NOT_APP = { regex: above("app|scripts|bench|e2e|tests"), message: "server/ is a door beside Next's: it uses lib/ and ui/, not app/ or the programs." };
const NOT_PROGRAMS = { regex: above("server|scripts|bench|e2e|tests"), message: "app/ is Next's door: it uses lib/ and ui/, not our server or the programs." };
const UI_ONLY = { regex: above("app|server|scripts|bench|e2e|tests"), message: "ui/ is the look both doors share: it uses lib/, nothing above." };
const NOT_BENCH = { regex: above("bench|e2e|tests"), message: "bench/ uses the programs' helpers, not the other way round." };
// The files that may use the database directly: its client and the cluster reads beside it, each store, the sweep, the health check.
const DATABASE_ALLOWED = ["lib/db.ts", "lib/cluster-reads.ts", "lib/*/store.ts", "lib/cleanup/run.ts", "app/api/health/route.ts"];
const TESTS = ["**/*.test.ts"];
/**
 * @param {string[]} files
 * @param {object[]} patterns
 * @param {string[]} [ignores]
 * @returns {import("eslint").Linter.Config}
 */
const forbid = (files, patterns, ignores = []) => ({
  files,
  ignores: [...TESTS, ...ignores],
  rules: { "@typescript-eslint/no-restricted-imports": /** @type {import("eslint").Linter.RuleEntry} */ (["error", { patterns }]) },
});
// (Dynamic imports, which this rule does not see, are checked by tests/structure.test.ts.)
const boundaries = [
  // Later entries win for a file, so each lists everything its files may not import.
  forbid(["lib/**"], [CORE_ONLY, DATABASE], DATABASE_ALLOWED),
  forbid(["lib/db.ts", "lib/cluster-reads.ts", "lib/*/store.ts", "lib/cleanup/run.ts"], [CORE_ONLY]),
  forbid(["lib/api/**"], [CORE_ONLY, DATABASE, STORE]),
  forbid(["app/**"], [DATABASE, STORE, CLIMBING, NOT_PROGRAMS], DATABASE_ALLOWED),
  forbid(["app/api/health/route.ts"], [STORE, CLIMBING, NOT_PROGRAMS]),
  forbid(["server/**"], [DATABASE, STORE, NOT_APP]),
  forbid(["ui/**"], [DATABASE, STORE, UI_ONLY]),
  forbid(["scripts/**"], [DATABASE, STORE, NOT_BENCH]),
  forbid(["bench/**"], [DATABASE, STORE]),
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      // Every page renders per request (CSP nonce), so next/link's client navigation buys nothing and
      // adds client code to every page (see bench/README.md, weight): plain <a> links on purpose.
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  ...boundaries,
  {
    // Our server renders whole documents itself (server/pages/document.tsx): no next/head there.
    files: ["server/**"],
    rules: { "@next/next/no-head-element": "off" },
  },
  {
    // The wait page's script runs on browsers from about 2012 on: the parser refuses anything newer
    // than ES5 (a unit test parses the minified script as ES5 too).
    files: ["server/pages/*.es5.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly", Intl: "readonly", JSON: "readonly" } },
    rules: { "no-var": "off", "prefer-const": "off", "no-undef": "error" },
  },
  globalIgnores([
    // Every build folder (.next, .next-test, and any NEXT_DIST_DIR someone picks).
    ".next*/**",
    ".data/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "e2e-output/**",
    "bench/floor-app/.next*/**",
    "next-env.d.ts",
  ]),
]);
