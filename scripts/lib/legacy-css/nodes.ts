/** Small helpers over PostCSS nodes that every step of legacy-css uses. */
import type { AtRule, Container, Declaration, Rule } from "postcss";

/** Any PostCSS node, or a missing one (a parent, a previous sibling). */
type MaybeNode = { type: string } | undefined;

export const isCustomProperty = (prop: string): boolean => prop.startsWith("--");

export const withoutVendorPrefix = (prop: string): string => prop.replace(/^-(webkit|moz|ms|o)-/, "");

export const isDeclaration = (node: MaybeNode): node is Declaration => node?.type === "decl";

export const declarationsOf = (container: Container): Declaration[] => (container.nodes ?? []).filter(isDeclaration);

export const isRule = (node: MaybeNode): node is Rule => node?.type === "rule";

export const isAtRule = (node: MaybeNode): node is AtRule => node?.type === "atrule";

export const isRuleOrAtRule = (node: MaybeNode): node is Rule | AtRule => node?.type === "rule" || node?.type === "atrule";

/** Rules inside @keyframes are keyframe selectors (`from`, `50%`), not element selectors. */
export const inKeyframes = (rule: Rule): boolean => isAtRule(rule.parent) && /keyframes$/i.test(rule.parent.name);

/** The list a key holds, created empty on first use. */
export function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Whether a top-level rule sets page-wide custom properties (`:root`, `:host`, `html`). */
export const isRootRule = (rule: Rule): boolean => rule.selectors.every((s) => [":root", ":host", "html"].includes(s.trim()));
