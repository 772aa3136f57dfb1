/**
 * The shape CONTRIBUTING.md promises, checked over every source file: dependencies between folders
 * run one way (no folder uses a folder that uses it back, however long the way round), no file is
 * over 300 lines, no barrel files, and no client component reaches a server-only module.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, normalize } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const FOLDERS = ["app", "bench", "e2e", "lib", "prisma", "scripts", "server", "tests", "ui"];
const SKIPPED = new Set(["node_modules", "generated", "floor-app"]);
const SOURCE = /\.(ts|tsx|mjs|js)$/;
const MAX_LINES = 300;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) || entry.name.startsWith(".") ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const rootFiles = readdirSync(ROOT).filter((name) => SOURCE.test(name) && !name.endsWith(".d.ts"));
const files = [...rootFiles, ...FOLDERS.flatMap(sourceFiles)];
const fileSet = new Set(files);
const text = (file: string) => readFileSync(join(ROOT, file), "utf8");

interface Import {
  file: string;
  /** `export … from`: passing on what another file defines. */
  reExport?: true;
  /** Erased when compiled: `import type`, or every name imported as a type. */
  typeOnly: boolean;
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? normalize(join(dirname(from), specifier)) : undefined;
  if (base === undefined) return undefined;
  return ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts"].map((ext) => base + ext).find((path) => fileSet.has(path));
}

/** The project files a file imports (static, dynamic, re-exports and types alike). */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, text(file), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    const target = specifier && ts.isStringLiteralLike(specifier) ? resolveImport(file, specifier.text) : undefined;
    if (target) found.push({ file: target, typeOnly });
  };
  const walk = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const everyNameIsType =
        !clause?.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, Boolean(clause?.isTypeOnly) || everyNameIsType);
    } else if (ts.isExportDeclaration(node)) {
      const before = found.length;
      add(node.moduleSpecifier, node.isTypeOnly);
      if (found.length > before) found[before]!.reExport = true;
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    ts.forEachChild(node, walk);
  };
  walk(source);
  return found;
}

const imports = new Map(files.map((file) => [file, importsOf(file)]));
const folderOf = (file: string) => dirname(file);

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Groups of folders that reach each other through imports (Tarjan's strongly connected components). */
function folderCycles(folderOf: (file: string) => string, counts: (file: string) => boolean = () => true): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const [file, targets] of imports) {
    if (!counts(file)) continue;
    for (const { file: target } of targets) {
      if (folderOf(file) === folderOf(target)) continue;
      if (!edges.has(folderOf(file))) edges.set(folderOf(file), new Set());
      edges.get(folderOf(file))!.add(folderOf(target));
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder)!);
    stack.push(folder);
    onStack.add(folder);
    for (const next of edges.get(folder) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
    }
    if (low.get(folder) !== index.get(folder)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
  return cycles;
}

/**
 * The files a client component brings into the browser: what it imports at run time, and so on.
 * A server action ("use server") is not among them: the browser gets a reference to call it by.
 */
function shippedWith(client: string): Set<string> {
  const seen = new Set<string>();
  const stack = [client];
  while (stack.length) {
    for (const next of imports.get(stack.pop()!) ?? []) {
      if (next.typeOnly || seen.has(next.file) || /^["']use server["'];?$/m.test(text(next.file))) continue;
      seen.add(next.file);
      stack.push(next.file);
    }
  }
  return seen;
}

describe("the structure of the code", () => {
  it("reads the project's files and their imports", () => {
    // A guard for the checks below: they would pass vacuously on an empty list.
    expect(files.length).toBeGreaterThan(200);
    expect(imports.get("lib/conferences/operations.ts")).toContainEqual({ file: "lib/conferences/store.ts", typeOnly: false });
  });

  it("has dependencies that run one way between folders", () => {
    expect(folderCycles(folderOf)).toEqual([]);
  });

  it("has code (tests aside) that runs one way between the top folders too", () => {
    const topFolder = (file: string) => (file.includes("/") ? file.slice(0, file.indexOf("/")) : ".");
    expect(folderCycles(topFolder, (file) => !isTest(file))).toEqual([]);
  });

  it("reaches the database only through the files allowed to, by any kind of import", () => {
    const database = ["lib/db.ts", "lib/cluster-reads.ts"];
    const allowed = ["lib/db.ts", "lib/cluster-reads.ts", "lib/cleanup/run.ts", "app/api/health/route.ts"];
    const users = files.filter((file) => !isTest(file) && imports.get(file)!.some((i) => !i.typeOnly && database.includes(i.file)));
    expect(users.filter((file) => !allowed.includes(file) && !/^lib\/[\w-]+\/store\.ts$/.test(file))).toEqual([]);
    const storeUsers = files.filter((file) => !isTest(file) && imports.get(file)!.some((i) => !i.typeOnly && /\/store\.ts$/.test(i.file)));
    expect(storeUsers.filter((file) => !/^lib\/(conferences|cleanup)\//.test(file))).toEqual([]);
  });

  it("type-checks every source folder (tsx compiles only what tsconfig.json includes: JSX elsewhere would break)", () => {
    const include = (JSON.parse(text("tsconfig.json")) as { include: string[] }).include;
    expect(FOLDERS.filter((folder) => !include.some((pattern) => pattern.startsWith(`${folder}/`)))).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = files.filter((file) => text(file).split("\n").length > MAX_LINES + 1);
    expect(long).toEqual([]);
  });

  it("has no barrel files: every import names the file that defines what it takes", () => {
    expect(files.filter((file) => /(^|\/)index\.(ts|tsx|mjs|js)$/.test(file))).toEqual([]);
    expect(files.filter((file) => imports.get(file)!.some((i) => i.reExport))).toEqual([]);
  });

  it("keeps server-only modules out of every client component", () => {
    const serverOnly = files.filter((file) => /^import "server-only";$/m.test(text(file)));
    expect(serverOnly).toEqual(expect.arrayContaining(["lib/db.ts", "lib/conferences/schema.ts", "lib/i18n/translate.ts"]));
    const clients = files.filter((file) => /^["']use client["'];?$/m.test(text(file)));
    expect(clients.length).toBeGreaterThan(0);
    const leaks = clients.flatMap((client) => [...shippedWith(client)].filter((file) => serverOnly.includes(file)).map((file) => `${client} → ${file}`));
    expect(leaks).toEqual([]);
  });

  it("names files in kebab-case", () => {
    const named = files.filter((file) => !/^[a-z0-9.-]+$/.test(basename(file)));
    expect(named).toEqual([]);
  });
});

describe("the Galera cluster tests", () => {
  const clusterCode = files.filter((file) => file.startsWith("e2e/cluster/") || file.startsWith("scripts/lib/galera/"));

  it("wait for a condition or a named moment, never a fixed time: the only timers are the polling helpers'", () => {
    expect(clusterCode.length).toBeGreaterThan(10);
    const helpers = ["e2e/cluster/support/pacing.ts", "scripts/lib/galera/processes.ts"];
    // `test.setTimeout(…)` sets a test's time limit: not a timer.
    const timers = clusterCode.filter((file) => !helpers.includes(file) && /(?<![.\w])setTimeout\(/.test(text(file)));
    const sleeps = clusterCode.filter((file) => /waitForTimeout\(|(?<![.\w])(sleep|delay|pause)\(/.test(text(file)) && !helpers.includes(file));
    expect({ timers, sleeps }).toEqual({ timers: [], sleeps: [] });
  });

  it("start one cluster per test run: only the Playwright cluster spec starts one, once", () => {
    const runByTests = files.filter((file) => isTest(file) || file.startsWith("e2e/") || file.startsWith("tests/"));
    const starts = runByTests.flatMap((file) => [...text(file).matchAll(/\bstartGaleraCluster\(/g)].map(() => file));
    expect(starts).toEqual(["e2e/cluster/galera.spec.ts"]);
  });
});
