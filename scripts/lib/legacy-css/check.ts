/**
 * What engines from about 2012 on (and NetSurf) cannot read in a stylesheet: what legacy-css's
 * output must not hold. A test runs it on the plugin's output of real Tailwind CSS.
 */
import postcss from "postcss";
import type { AtRule, ChildNode, Declaration } from "postcss";
import valueParser from "postcss-value-parser";
import { isAtRule, isDeclaration, isRule } from "./nodes";

export interface OldEngineProblem {
  kind: string;
  /** The line and the construct, e.g. `12: color: oklch(…)`. */
  where: string;
}

const MODERN_COLOUR = /(^|[^\w-])(color-mix|oklch|oklab|lab|lch|color|hwb|light-dark)\(/i;
const HEX_WITH_ALPHA = /#([0-9a-f]{4}|[0-9a-f]{8})\b/i;
const NEW_UNIT = /\d(dvh|svh|lvh|dvw|svw|lvw|lh|rlh|cqw|cqh|cqi|cqb)\b/;
const MEDIA_RANGE = /[<>]=?|\b(?:width|height)\s*=/;
const MODERN_AT_RULES = ["container", "scope", "starting-style"];
const VAR = /\bvar\(/i;

/** Whether some var() in the value has no fallback argument. */
function hasVarWithoutFallback(value: string): boolean {
  let found = false;
  valueParser(value).walk((n) => {
    if (n.type === "function" && n.value.toLowerCase() === "var" && !n.nodes.some((c) => c.type === "div" && c.value === ",")) found = true;
  });
  return found;
}

const isStaticCopy = (node: ChildNode, prop: string) => isDeclaration(node) && node.prop === prop && !VAR.test(node.value);

/**
 * Whether the same property is declared without var() before the declaration in its rule; or in the
 * rule with the same selector right before an `@supports (--…)` block that holds the declaration's
 * rule (legacy-css moves var() forms there for properties whose static copy Lightning CSS would drop).
 */
function hasStaticFallback(decl: Declaration): boolean {
  for (let p = decl.prev(); p; p = p.prev()) if (isStaticCopy(p, decl.prop)) return true;
  const rule = decl.parent;
  const supports = rule?.parent;
  if (!isRule(rule) || !isAtRule(supports) || supports.name !== "supports" || !/\(--/.test(supports.params)) return false;
  const before = supports.prev();
  return isRule(before) && before.selector === rule.selector && before.nodes.some((p) => isStaticCopy(p, decl.prop));
}

function atRuleProblems(node: AtRule): string[] {
  const name = node.name.toLowerCase();
  const kinds: string[] = [];
  if (name === "layer") kinds.push("@layer");
  if (name === "property") kinds.push("@property");
  if (MODERN_AT_RULES.includes(name)) kinds.push("modern at-rule");
  if (MODERN_COLOUR.test(node.params)) kinds.push("modern colour");
  if (name === "media" && MEDIA_RANGE.test(node.params)) kinds.push("media range syntax");
  return kinds;
}

function declarationProblems(node: Declaration): string[] {
  const kinds: string[] = [];
  const custom = node.prop.startsWith("--");
  if (MODERN_COLOUR.test(node.value)) kinds.push("modern colour");
  if (HEX_WITH_ALPHA.test(node.value)) kinds.push("hex colour with alpha");
  const prev = node.prev();
  if (NEW_UNIT.test(node.value) && !custom && !(isDeclaration(prev) && prev.prop === node.prop)) kinds.push("new unit without fallback");
  if (hasVarWithoutFallback(node.value)) kinds.push("var() without fallback");
  if (VAR.test(node.value) && !custom && !hasStaticFallback(node)) kinds.push("var() without static fallback declaration");
  return kinds;
}

/**
 * The constructs of `css` that old engines refuse, each with its line: @layer, @property, nesting,
 * modern colours (color-mix(), oklch() … also in @supports), hex colours with alpha, var() without a
 * fallback argument, media range syntax, @container/@scope/@starting-style; and, since those engines
 * drop the declaration, var() without a static declaration of the property before it, and a new
 * viewport or container unit (dvh, lh, cqw …) without a declaration of the property right before it.
 */
export function oldEngineProblems(css: string): OldEngineProblem[] {
  const problems: OldEngineProblem[] = [];
  const add = (kind: string, node: ChildNode, text: string) => problems.push({ kind, where: `${node.source?.start?.line ?? "?"}: ${text}` });
  postcss.parse(css).walk((node) => {
    if (node.type === "atrule") for (const kind of atRuleProblems(node)) add(kind, node, `@${node.name} ${node.params}`);
    if (node.type === "rule" && isRule(node.parent)) add("nesting", node, `${node.parent.selector} { ${node.selector} }`);
    if (node.type === "rule" && /(^|[^\\])&/.test(node.selector)) add("nesting", node, node.selector);
    if (node.type === "decl") for (const kind of declarationProblems(node)) add(kind, node, `${node.prop}: ${node.value}`);
  });
  return problems;
}
