/**
 * Step 2: old engines know neither @layer nor :where()/:is() (they drop a rule that has one), so
 * layers are flattened and those pseudo-classes expanded. Both changed which declaration wins, so
 * the cascade they gave is then restored by raising the specificity of the declarations that lost.
 */
import type { ChildNode, Declaration, Result, Root, Rule } from "postcss";
import selectorParser from "postcss-selector-parser";
import { declarationsOf, inKeyframes, isRuleOrAtRule, listIn } from "./nodes";
import { bumpSelector, compareSpecificity, longhands, pseudoElementOf, specificity, subjectType } from "./specificity";
import type { Specificity } from "./specificity";

/** One selector of a rule, after expansion. */
interface Item {
  selector: string;
  /** How many `:not(#\#)` each declaration needs. */
  bumps: Map<Declaration, number>;
}

/** One selector × declaration. */
interface Entry {
  item: Item;
  decl: Declaration;
  /** Index in the layer order; unlayered CSS comes after every layer. */
  layer: number;
  /** The selector's specificity as written (with :where()). */
  modern: Specificity;
  /** Its specificity now, raised as the restoration goes. */
  now: Specificity;
  order: number;
  props: string[];
  pseudoElement: string;
  type: string;
}

/** Replaces each :where()/:is() by its arguments, one selector per argument. */
const expandSelectors = selectorParser((selectors) => {
  let changed = true;
  while (changed) {
    changed = false;
    selectors.each((sel) => {
      if (changed) return;
      let target: selectorParser.Pseudo | undefined;
      sel.walkPseudos((p) => {
        if (!target && (p.value === ":where" || p.value === ":is") && p.parent === sel) target = p;
      });
      if (!target) return;
      const at = sel.index(target);
      // An argument with a combinator may only replace a pseudo that stands alone in its compound.
      if (target.nodes.some((arg) => arg.nodes.some((n) => n.type === "combinator"))) {
        const prev = sel.nodes[at - 1];
        const next = sel.nodes[at + 1];
        const alone = (!prev || prev.type === "combinator") && (!next || next.type === "combinator" || (next.type === "pseudo" && next.value.startsWith("::")));
        if (!alone) return;
      }
      const copies = target.nodes.map((arg) => {
        const copy = sel.clone();
        const parts = arg.clone().nodes;
        if (parts[0]) parts[0].spaces.before = "";
        copy.nodes[at]?.replaceWith(...parts);
        return copy;
      });
      sel.replaceWith(...copies);
      changed = true;
    });
  }
});

/**
 * Puts the contents of the top-level @layer blocks in the order the layers were first named,
 * unlayered CSS last (after @charset and @import). Returns the layer order and each moved node's
 * index in it.
 */
function flattenLayers(root: Root): { order: string[]; layerOf: Map<ChildNode, number> } {
  const order: string[] = [];
  const note = (name: string) => {
    if (!order.includes(name)) order.push(name);
  };
  const blocks = new Map<string, ChildNode[]>();
  const unlayered: ChildNode[] = [];
  const head: ChildNode[] = [];
  for (const node of [...root.nodes]) {
    if (node.type === "atrule" && node.name === "layer") {
      const names = node.params
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (!node.nodes) names.forEach(note);
      else {
        const [name] = names;
        if (names.length !== 1 || !name) throw new Error("legacy-css: an anonymous @layer block");
        note(name);
        listIn(blocks, name).push(...node.nodes);
      }
    } else if (node.type === "atrule" && (node.name === "charset" || node.name === "import")) head.push(node);
    else unlayered.push(node);
  }
  const layerOf = new Map<ChildNode, number>();
  order.forEach((name, i) => (blocks.get(name) ?? []).forEach((n) => layerOf.set(n, i)));
  unlayered.forEach((n) => layerOf.set(n, order.length));
  for (const nodes of blocks.values())
    for (const n of nodes)
      if (n.type === "atrule" || n.type === "rule")
        n.walkAtRules("layer", () => {
          throw new Error("legacy-css: a nested @layer (sub-layers are not handled)");
        });
  root.removeAll();
  root.append(...head);
  for (const name of order) root.append(...(blocks.get(name) ?? []));
  root.append(...unlayered);
  return { order, layerOf };
}

/** Each selector of each rule, expanded, with an entry per selector × declaration. */
function collectEntries(root: Root, order: string[], layerOf: Map<ChildNode, number>, keepWhereIn: string[]) {
  const entries: Entry[] = [];
  const byLonghand = new Map<string, Entry[]>();
  const ruleItems = new Map<Rule, Item[]>();
  const keep = new Set(keepWhereIn.map((name) => order.indexOf(name)).filter((i) => i >= 0));
  root.walkRules((rule) => {
    if (inKeyframes(rule)) return;
    // The node at the top level, which the layer order knows.
    let top: ChildNode = rule;
    while (top.parent !== root && isRuleOrAtRule(top.parent)) top = top.parent;
    const layer = layerOf.get(top) ?? order.length;
    const all = declarationsOf(rule);
    // !important declarations are left out of the restoration (layers order those the other way round,
    // which it does not model).
    const decls = all.filter((d) => !d.important);
    // In a layer whose :where() stay, a rule of !important declarations only is expanded all the same
    // (preflight's `[hidden]:where(:not([hidden="until-found"])) { display: none !important }`, which
    // engines without a UA rule for [hidden], NetSurf among them, need): it needs no raise.
    const expand = !keep.has(layer) || (all.length > 0 && !decls.length);
    const items: Item[] = [];
    for (const original of rule.selectors) {
      const modern = specificity(original);
      let expanded = [original];
      if (/:(where|is)\(/.test(original) && expand) {
        try {
          expanded = selectorParser()
            .astSync(expandSelectors.processSync(original, { lossless: false }))
            .nodes.map(String);
        } catch {
          // Unparsable: left as it is (old engines drop it, as they would have anyway).
        }
      }
      for (const selector of expanded) {
        const item: Item = { selector: selector.trim(), bumps: new Map() };
        items.push(item);
        const now = specificity(item.selector);
        const pseudoElement = pseudoElementOf(item.selector);
        const type = subjectType(item.selector);
        for (const decl of decls) {
          const entry: Entry = { item, decl, layer, modern, now: [...now], order: entries.length, props: longhands(decl.prop), pseudoElement, type };
          entries.push(entry);
          for (const l of entry.props) listIn(byLonghand, l).push(entry);
        }
      }
    }
    ruleItems.set(rule, items);
  });
  return { entries, byLonghand, ruleItems };
}

/**
 * Raises each declaration that won over a conflicting one (later layer, or same layer and higher
 * specificity as written, or same and later) but would lose now, by as many ids as it takes. Raising
 * one may make it beat a third that should win over it, hence the rounds.
 */
function raiseLosers(entries: Entry[], byLonghand: Map<string, Entry[]>): void {
  let changed = true;
  for (let round = 0; changed && round < 50; round++) {
    changed = false;
    for (const q of entries) {
      const seen = new Set<Entry>();
      for (const l of q.props)
        for (const r of byLonghand.get(l) ?? []) {
          if (r === q || seen.has(r) || r.item === q.item || q.pseudoElement !== r.pseudoElement || (q.type && r.type && q.type !== r.type)) continue;
          seen.add(r);
          const modern = compareSpecificity(q.modern, r.modern);
          const above = q.layer > r.layer || (q.layer === r.layer && (modern > 0 || (modern === 0 && q.order > r.order)));
          const now = compareSpecificity(q.now, r.now);
          if (!above || now > 0 || (now === 0 && q.order > r.order)) continue;
          const k = r.now[0] + 1 - q.now[0];
          q.now[0] += k;
          q.item.bumps.set(q.decl, (q.item.bumps.get(q.decl) ?? 0) + k);
          changed = true;
        }
    }
  }
}

/**
 * Rewrites the rules: one whose selectors need no raise stays one rule; else it becomes one rule per
 * selector and raise, in its place (declarations keep their order within each). Returns the raised
 * rules, for the message.
 */
function rewriteRules(ruleItems: Map<Rule, Item[]>): string[] {
  const raised: string[] = [];
  for (const [rule, items] of ruleItems) {
    if (items.every((x) => !x.bumps.size)) {
      const expanded = items.map((x) => x.selector);
      if (expanded.join(",") !== rule.selectors.join(",")) rule.selectors = expanded;
      continue;
    }
    const groups: { selectors: string[]; times: number; only?: Declaration[] }[] = [];
    const plain = items.filter((x) => !x.bumps.size).map((x) => x.selector);
    if (plain.length) groups.push({ selectors: plain, times: 0 });
    for (const x of items.filter((y) => y.bumps.size)) {
      const byTimes = new Map<number, Declaration[]>();
      for (const d of declarationsOf(rule)) listIn(byTimes, x.bumps.get(d) ?? 0).push(d);
      for (const [times, only] of [...byTimes].sort((a, b) => a[0] - b[0]))
        groups.push({ selectors: [times ? bumpSelector(x.selector, times) : x.selector], times, only });
    }
    let last: Rule = rule;
    for (const g of groups) {
      const copy = rule.clone({ selectors: g.selectors });
      const only = g.only;
      if (only)
        for (const d of declarationsOf(copy)) if (!only.some((o) => o.prop === d.prop && o.value === d.value && o.important === d.important)) d.remove();
      if (g.times)
        raised.push(
          `${copy.selector} { ${declarationsOf(copy)
            .map((d) => d.prop)
            .join("; ")} }`,
        );
      last.after(copy);
      last = copy;
    }
    rule.remove();
  }
  return raised;
}

/**
 * Flattens @layer, expands :where()/:is() outside the layers named in `keepWhereIn`, and restores
 * the cascade. The raised rules are listed in a `legacy-css` message of the result.
 */
export function flattenCascade(root: Root, result: Result, keepWhereIn: string[] = ["base"]): void {
  const { order, layerOf } = flattenLayers(root);
  const { entries, byLonghand, ruleItems } = collectEntries(root, order, layerOf, keepWhereIn);
  raiseLosers(entries, byLonghand);
  const raised = rewriteRules(ruleItems);
  if (raised.length)
    result.messages.push({
      type: "legacy-css",
      plugin: "legacy-css",
      text: `specificity raised to keep the cascade (${raised.length}): ${raised.join(" | ")}`,
    });
}
