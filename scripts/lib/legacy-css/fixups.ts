/**
 * Step 7, and the clean-up after the last Lightning CSS pass: fallbacks for what old engines lack,
 * and selector lists split so that one member they do not know does not drop the rest.
 */
import type { Root } from "postcss";
import selectorParser from "postcss-selector-parser";
import { inKeyframes, isCustomProperty, isDeclaration } from "./nodes";

/** Pseudo-classes and pseudo-elements that engines of 2012 know. */
const SAFE_PSEUDO = new Set(
  ":hover :focus :active :visited :link :first-child :last-child :only-child :first-of-type :last-of-type :only-of-type :nth-child :nth-last-child :nth-of-type :nth-last-of-type :root :empty :target :checked :disabled :enabled :lang :before :after ::before ::after :first-letter :first-line ::first-letter ::first-line ::selection :not".split(
    " ",
  ),
);

/** Whether an engine of 2012 may not know a selector (so would drop the rule it is in). */
export function isRisky(selector: string): boolean {
  let risky = false;
  try {
    selectorParser((sels) =>
      sels.walkPseudos((p) => {
        if (!SAFE_PSEUDO.has(p.value.toLowerCase())) risky = true;
        // CSS 3's :not() takes one simple selector.
        if (p.value === ":not" && (p.nodes.length > 1 || p.nodes[0]?.nodes.some((n) => n.type === "combinator" || n.type === "pseudo"))) risky = true;
      }),
    ).processSync(selector);
  } catch {
    risky = true;
  }
  return risky;
}

/**
 * Adds fallbacks before what old engines cannot read: vh for dvh/svh/lvh (vw for …vw), em for lh, `clip` for clip-path's
 * inset(50%) (sr-only) and none, `word-wrap` (old WebKit, IE) for overflow-wrap. Splits selector
 * lists with risky members: the safe ones stay together, each risky one gets a rule of its own.
 */
export function fixups(root: Root): void {
  root.walkDecls((d) => {
    const prev = d.prev();
    const same = isDeclaration(prev) && prev.prop === d.prop;
    if (/\d(dvh|svh|lvh)\b/.test(d.value) && !isCustomProperty(d.prop) && !same) d.cloneBefore({ value: d.value.replace(/(\d)(dvh|svh|lvh)\b/g, "$1vh") });
    if (/\d(dvw|svw|lvw)\b/.test(d.value) && !isCustomProperty(d.prop) && !same) d.cloneBefore({ value: d.value.replace(/(\d)(dvw|svw|lvw)\b/g, "$1vw") });
    // A line's height, where the unit is unknown: Tailwind's own line height (1.5) in em.
    if (/(^|[^\w.-])[\d.]+r?lh\b/.test(d.value) && !isCustomProperty(d.prop) && !same)
      d.cloneBefore({ value: d.value.replace(/([\d.]+)r?lh\b/g, (_whole, n: string) => `${Number(n) * 1.5}em`) });
    if (d.prop === "clip-path" && /^inset\(50%\)$/.test(d.value.trim())) d.cloneBefore({ prop: "clip", value: "rect(0 0 0 0)" });
    if (d.prop === "clip-path" && d.value.trim() === "none") d.cloneBefore({ prop: "clip", value: "auto" });
    if (d.prop === "overflow-wrap" && !(isDeclaration(prev) && prev.prop === "word-wrap")) d.cloneBefore({ prop: "word-wrap" });
  });
  root.walkRules((rule) => {
    if (inKeyframes(rule) || rule.selectors.length < 2) return;
    const safe = rule.selectors.filter((s) => !isRisky(s));
    const risky = rule.selectors.filter((s) => isRisky(s));
    if (!risky.length) return;
    const [first, ...rest] = [...(safe.length ? [safe] : []), ...risky.map((s) => [s])];
    if (first) rule.selectors = first;
    let last = rule;
    for (const group of rest) {
      const copy = rule.clone({ selectors: group });
      last.after(copy);
      last = copy;
    }
  });
  removeEmpty(root);
}

/** Removes empty rules and empty at-rule blocks (an empty @font-face stays: it is not a block of rules). */
export function removeEmpty(root: Root): void {
  root.walkRules((r) => {
    if (!r.nodes.length) r.remove();
  });
  root.walkAtRules((a) => {
    if (a.nodes && !a.nodes.length && a.name !== "font-face") a.remove();
  });
}

/**
 * Removes what the last Lightning CSS pass adds that nothing needs: copies of rules for old IE
 * (`::-ms-backdrop` …) that set only custom properties, which IE does not have; and its
 * `--lightningcss-light`/`-dark` switches when no var() reads them (they serve light-dark()).
 */
export function dropUselessCopies(root: Root): void {
  root.walkRules((r) => {
    if (/(^|[^\w-])::?-ms-/.test(r.selector) && r.nodes.every((d) => d.type !== "decl" || isCustomProperty(d.prop))) r.remove();
  });
  if (!/var\(\s*--lightningcss-/.test(root.toString())) {
    root.walkDecls(/^--lightningcss-/, (d) => void d.remove());
    removeEmpty(root);
  }
}
