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
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
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
