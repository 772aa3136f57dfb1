import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
