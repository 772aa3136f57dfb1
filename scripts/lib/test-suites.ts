/**
 * What `npm test` and its four loops run (`npm run test:unit`, `test:int`, `test:e2e`,
 * `test:cluster`): one table, so each loop is `npm test` with fewer steps, never a copy of it.
 */

export type SuiteName = "all" | "unit" | "int" | "e2e" | "cluster";

export interface Suite {
  name: SuiteName;
  /** Type check, lint and format. */
  checks: boolean;
  /** Vitest's projects (vitest.config.ts), none for no Vitest run. */
  vitest: ("unit" | "integration")[];
  /**
   * Playwright, and which part of it (playwright.config.ts reads PLANADO_E2E_SUITE): "all" everything,
   * the Galera cluster last; "e2e" all but the cluster; "cluster" the cluster alone.
   */
  playwright?: "all" | "e2e" | "cluster";
  /** A MariaDB for the integration tests and the end-to-end servers (found, or started). */
  database: boolean;
}

export const SUITES: Record<SuiteName, Suite> = {
  all: { name: "all", checks: true, vitest: ["unit", "integration"], playwright: "all", database: true },
  unit: { name: "unit", checks: false, vitest: ["unit"], database: false },
  int: { name: "int", checks: false, vitest: ["integration"], database: true },
  e2e: { name: "e2e", checks: false, vitest: [], playwright: "e2e", database: true },
  // The cluster spec runs its own servers on the cluster: no database of the ordinary kind.
  cluster: { name: "cluster", checks: false, vitest: [], playwright: "cluster", database: false },
};

export interface Selection {
  suite: Suite;
  /** Handed to the one runner of the suite as they are (files, `-t name`, `--headed` …). */
  passThrough: string[];
}

export const USAGE = "Usage: npm test | npm run test:unit|test:int|test:e2e|test:cluster [-- arguments for Vitest or Playwright]";

/** `scripts/test.ts [unit|int|e2e|cluster] [arguments…]`; undefined when the arguments make no sense. */
export function parseSelection(args: string[]): Selection | undefined {
  const [first, ...rest] = args;
  if (first === undefined) return { suite: SUITES.all, passThrough: [] };
  if (!Object.hasOwn(SUITES, first) || first === "all") return undefined;
  return { suite: SUITES[first as SuiteName], passThrough: rest };
}
