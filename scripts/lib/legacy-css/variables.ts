/**
 * Step 5: old engines know no custom properties, so each declaration that reads one gets a static
 * copy before it, with the values put in. The var() form stays after it only where it may give
 * another value than the static one.
 */
import postcss from "postcss";
import type { Declaration, Result, Root, Rule } from "postcss";
import valueParser from "postcss-value-parser";
import type { Targets } from "lightningcss";
import { MODERN_COLOUR } from "./colours";
import { lowerDecls } from "./lightning";
import { declarationsOf, isCustomProperty, isRootRule, isRule, listIn, withoutVendorPrefix } from "./nodes";

/** Whether to keep var() forms after their static copies: "dynamic" where a variable they read is set to another value by some rule. */
export type KeepVars = "dynamic" | boolean;

/**
 * Properties whose `P: x` before `P: var(…)` in one rule Lightning CSS (1.33, also Next's minifier)
 * drops, keeping only the var() form.
 */
const DEDUPED = new Set(["color", "filter", "backdrop-filter", "fill", "stroke", "caret-color", "text-shadow"]);

/**
 * The page-wide value of each custom property: its initial value, overridden by top-level
 * :root/:host/html rules (not those inside @supports or @media: lab colours, dark overrides …).
 */
export function collectGlobals(root: Root, initials: Map<string, string>): Map<string, string> {
  const globals = new Map(initials);
  root.walkRules((rule) => {
    if (rule.parent !== root) return;
    if (isRootRule(rule)) rule.walkDecls(/^--/, (d) => void globals.set(d.prop, d.value));
  });
  return globals;
}

/**
 * The value with every var() put in (by `lookup`, else its fallback); null when one cannot be
 * resolved, which makes the declaration invalid at computed-value time.
 */
export function resolveVars(value: string, lookup: (name: string) => string | undefined, seen = new Set<string>()): string | null {
  if (!/var\(/i.test(value)) return value;
  const parsed = valueParser(value);
  let ok = true;
  const walk = (nodes: valueParser.Node[]) => {
    for (let i = 0; i < nodes.length && ok; i++) {
      const n = nodes[i];
      if (n?.type !== "function") continue;
      if (n.value.toLowerCase() !== "var") {
        walk(n.nodes);
        continue;
      }
      const name = n.nodes.find((c) => c.type === "word")?.value;
      const comma = n.nodes.findIndex((c) => c.type === "div" && c.value === ",");
      const fallback = comma >= 0 ? valueParser.stringify(n.nodes.slice(comma + 1)).trim() : null;
      const raw = name && !seen.has(name) ? lookup(name) : undefined;
      let out: string | null = null;
      // `initial` is the guaranteed-invalid value: the var() takes its fallback.
      if (name && raw !== undefined && raw.trim() !== "initial") out = resolveVars(raw, lookup, new Set([...seen, name]));
      if (out === null && fallback !== null) out = resolveVars(fallback, lookup, seen);
      if (out === null) ok = false;
      else nodes[i] = { type: "word", value: out, sourceIndex: n.sourceIndex, sourceEndIndex: n.sourceEndIndex };
    }
  };
  walk(parsed.nodes);
  return ok ? valueParser.stringify(parsed.nodes).replace(/\s+/g, " ").trim() : null;
}

/** The value with its page-wide value as fallback in each var() that has none and can be resolved. */
export function addFallbacks(value: string, globals: Map<string, string>): string {
  const parsed = valueParser(value);
  let changed = false;
  parsed.walk((n) => {
    if (n.type !== "function" || n.value.toLowerCase() !== "var") return;
    if (n.nodes.some((c) => c.type === "div" && c.value === ",")) return;
    const name = n.nodes.find((c) => c.type === "word")?.value;
    const fallback = name ? resolveVars(`var(${name})`, (k) => globals.get(k)) : null;
    if (fallback === null) return;
    const at = n.sourceEndIndex;
    n.nodes.push(
      { type: "div", value: ",", before: "", after: " ", sourceIndex: at, sourceEndIndex: at },
      // An empty fallback is valid (`var(--x, )`); a space keeps the comma from being the last character.
      { type: "word", value: fallback === "" ? " " : fallback, sourceIndex: at, sourceEndIndex: at },
    );
    changed = true;
  });
  return changed ? valueParser.stringify(parsed.nodes) : value;
}

/**
 * Custom properties that some rule (not a top-level :root/:host/html one, not the polyfill) sets to
 * another value than their page-wide one: reading them may give different values on different
 * elements.
 */
export function dynamicVars(root: Root, polyfill: Rule | undefined, globals: Map<string, string>): Set<string> {
  const dynamic = new Set<string>();
  const norm = (v: string | undefined) => (v ?? "initial").replace(/\s+/g, " ").trim();
  root.walkDecls(/^--/, (d) => {
    const rule = d.parent;
    const topRoot = isRule(rule) && rule.parent === root && isRootRule(rule);
    if (!topRoot && rule !== polyfill && norm(d.value) !== norm(globals.get(d.prop))) dynamic.add(d.prop);
  });
  return dynamic;
}

/** The names of the custom properties a value reads directly. */
const varNames = (value: string): string[] => [...value.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1] ?? "");

/** Each declaration that reads a custom property, with its value resolved. */
function staticCopies(root: Root, globals: Map<string, string>, result: Result): { decl: Declaration; statik: string; names: string[] }[] {
  const jobs: { decl: Declaration; statik: string; names: string[] }[] = [];
  root.walkRules((rule) => {
    // The rule's own custom properties win over page-wide ones (those declared before the use).
    const local = new Map<string, string>();
    for (const d of declarationsOf(rule)) {
      if (isCustomProperty(d.prop)) {
        local.set(d.prop, d.value);
        continue;
      }
      if (!/var\(/i.test(d.value)) continue;
      const statik = resolveVars(d.value, (k) => (local.has(k) ? local.get(k) : globals.get(k)));
      if (statik === null || statik === "") result.warn(`cannot resolve ${d.prop}: ${d.value} in ${rule.selector}`, { node: d });
      else jobs.push({ decl: d, statik, names: varNames(d.value) });
    }
  });
  return jobs;
}

/** Removes the custom properties no var() reads any more, however indirectly (theme variables, unused polyfill entries). */
function dropUnreadCustomProperties(root: Root): void {
  const used = new Set<string>();
  root.walkDecls((d) => {
    if (!isCustomProperty(d.prop)) for (const n of varNames(d.value)) used.add(n);
  });
  for (let grew = true; grew;) {
    grew = false;
    root.walkDecls(/^--/, (d) => {
      if (used.has(d.prop))
        for (const n of varNames(d.value))
          if (!used.has(n)) {
            used.add(n);
            grew = true;
          }
    });
  }
  root.walkDecls(/^--/, (d) => {
    if (!used.has(d.prop) && !d.prop.startsWith("--lightningcss")) d.remove();
  });
}

/**
 * Puts a static copy (lowered by Lightning CSS) before each declaration that reads a custom property,
 * keeps or removes the var() form as `keepVars` says, removes custom properties nothing reads, and
 * gives each var() left a fallback.
 */
export function lowerVars(root: Root, globals: Map<string, string>, dynamic: Set<string>, keepVars: KeepVars, targets: Targets, result: Result): void {
  const jobs = staticCopies(root, globals, result);
  const lowered = lowerDecls(
    jobs.map((j) => [j.decl.prop, j.statik]),
    targets,
  );
  const moved = new Map<Rule, Declaration[]>();
  jobs.forEach((job, i) => {
    const d = job.decl;
    const keep = keepVars === true || (keepVars === "dynamic" && job.names.some((n) => dynamic.has(n)));
    const fromLightning = lowered[i];
    const statics: [string, string][] = fromLightning?.length ? fromLightning : [[d.prop, job.statik]];
    for (const [prop, value] of statics) d.cloneBefore({ prop, value });
    if (!keep || MODERN_COLOUR.test(d.value)) d.remove();
    else if (DEDUPED.has(withoutVendorPrefix(d.prop)) && isRule(d.parent)) {
      // Lightning CSS (Next's minifier too) would drop the static copy: the var() form goes into a
      // rule of its own right after, under @supports (engines without custom properties skip it).
      listIn(moved, d.parent).push(d);
    }
  });
  for (const [rule, decls] of moved) {
    const copy = rule.clone({ nodes: [] });
    for (const d of decls) copy.append(d.remove());
    const supports = postcss.atRule({ name: "supports", params: "(--css: variables)" });
    supports.append(copy);
    rule.after(supports);
  }
  dropUnreadCustomProperties(root);
  root.walkDecls((d) => {
    if (/var\(/i.test(d.value)) d.value = addFallbacks(d.value, globals);
  });
}
