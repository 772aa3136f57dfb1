/**
 * Step 1: @property rules go. Old engines drop them, and with them the initial values that
 * Tailwind's `--tw-*` composition relies on, so those values become one unconditional rule.
 */
import postcss from "postcss";
import type { Root, Rule } from "postcss";
import { declarationsOf, isDeclaration } from "./nodes";

/**
 * Removes every @property and unwraps Tailwind's polyfill of their initial values (an
 * `@supports (…hack…) { *, ::before, ::after, ::backdrop { --tw-…: … } }` that only Safari < 16.4 and
 * Firefox < 128 enter), so that every engine reads it; `*` also stops inheritance as `inherits: false`
 * did. Without a polyfill, one is made from the @property rules, in a first `@layer properties`.
 *
 * Returns each custom property's initial value ("initial" when it has none).
 */
export function takeProperties(root: Root): Map<string, string> {
  const initials = new Map<string, string>();
  root.walkAtRules("property", (at) => {
    let value = "initial";
    at.walkDecls("initial-value", (d) => {
      value = d.value;
    });
    initials.set(at.params.trim(), value);
    at.remove();
  });
  let polyfill: Rule | undefined;
  root.walkAtRules("supports", (at) => {
    const only = at.nodes?.length === 1 ? at.nodes[0] : undefined;
    if (only?.type === "rule" && /(^|,)\s*\*\s*(,|$)/.test(only.selector) && only.nodes.every((d) => isDeclaration(d) && d.prop.startsWith("--tw-"))) {
      polyfill = only;
      at.replaceWith(only);
    }
  });
  if (polyfill) for (const d of declarationsOf(polyfill)) initials.set(d.prop, d.value);
  else if (initials.size) {
    const rule = postcss.rule({ selector: "*, ::before, ::after, ::backdrop" });
    for (const [prop, value] of initials) rule.append({ prop, value });
    const layer = postcss.atRule({ name: "layer", params: "properties" });
    layer.append(rule);
    root.prepend(layer);
  }
  return initials;
}

/**
 * The polyfill rule after the first Lightning CSS pass: the first top-level rule whose first selector
 * is `*` and that sets only `--tw-*` properties.
 */
export function findPolyfill(root: Root): Rule | undefined {
  let polyfill: Rule | undefined;
  root.walkRules((r) => {
    if (
      !polyfill &&
      r.parent === root &&
      r.selectors[0]?.trim() === "*" &&
      r.nodes.length &&
      r.nodes.every((d) => isDeclaration(d) && d.prop.startsWith("--tw-"))
    )
      polyfill = r;
  });
  return polyfill;
}
