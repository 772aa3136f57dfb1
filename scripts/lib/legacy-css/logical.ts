/**
 * Step 6: logical properties become physical ones, the inline ones per direction under
 * `html:not([dir=rtl])` and `html[dir=rtl]`: this needs dir on <html>, and works in every engine
 * with CSS 3's :not() (Lightning CSS's own way, :lang() lists, makes six rules of each).
 */
import type { Declaration, Root } from "postcss";
import valueParser from "postcss-value-parser";
import { declarationsOf, inKeyframes, isCustomProperty } from "./nodes";

type Direction = "ltr" | "rtl";
type Pair = [string, string];

/** The physical side of `start` and `end` in [ltr, rtl]. */
const SIDES: Record<string, Pair> = { start: ["left", "right"], end: ["right", "left"] };

/** The two parts of a two-part value (`1px 2px`), else null. */
function twoParts(value: string): Pair | null {
  const parts = valueParser(value).nodes.filter((n) => n.type !== "space");
  return parts.length === 2 && parts[0] && parts[1] ? [valueParser.stringify(parts[0]), valueParser.stringify(parts[1])] : null;
}

/**
 * The physical declarations of a logical one: `both` for every direction, `ltr` and `rtl` for one
 * each; null when it is not logical.
 */
export function physical(prop: string, value: string): { both: Pair[]; ltr: Pair[]; rtl: Pair[] } | null {
  const both: Pair[] = [];
  const ltr: Pair[] = [];
  const rtl: Pair[] = [];
  let m =
    /^(margin|padding|inset|scroll-margin|scroll-padding)-block(-start|-end)?$/.exec(prop) ??
    /^(border)-block(-start|-end)?(-width|-style|-color)?$/.exec(prop);
  if (m) {
    const base = m[1] === "inset" ? "" : `${m[1]}-`;
    const suffix = m[3] ?? "";
    if (m[2]) both.push([`${base}${m[2] === "-start" ? "top" : "bottom"}${suffix}`, value]);
    else {
      const [top, bottom] = twoParts(value) ?? [value, value];
      both.push([`${base}top${suffix}`, top], [`${base}bottom${suffix}`, bottom]);
    }
    return { both, ltr, rtl };
  }
  m =
    /^(margin|padding|inset|scroll-margin|scroll-padding)-inline(-start|-end)?$/.exec(prop) ??
    /^(border)-inline(-start|-end)?(-width|-style|-color)?$/.exec(prop);
  if (m) {
    const base = m[1] === "inset" ? "" : `${m[1]}-`;
    const suffix = m[3] ?? "";
    const edge = SIDES[(m[2] ?? "").slice(1)];
    if (edge) {
      ltr.push([`${base}${edge[0]}${suffix}`, value]);
      rtl.push([`${base}${edge[1]}${suffix}`, value]);
    } else {
      const p = twoParts(value);
      if (!p) both.push([`${base}left${suffix}`, value], [`${base}right${suffix}`, value]);
      else {
        ltr.push([`${base}left${suffix}`, p[0]], [`${base}right${suffix}`, p[1]]);
        rtl.push([`${base}right${suffix}`, p[0]], [`${base}left${suffix}`, p[1]]);
      }
    }
    return { both, ltr, rtl };
  }
  m = /^border-(start|end)-(start|end)-radius$/.exec(prop);
  const corner = m && SIDES[m[2] ?? ""];
  if (m && corner) {
    const vertical = m[1] === "start" ? "top" : "bottom";
    ltr.push([`border-${vertical}-${corner[0]}-radius`, value]);
    rtl.push([`border-${vertical}-${corner[1]}-radius`, value]);
    return { both, ltr, rtl };
  }
  m = /^(min-|max-)?(inline|block)-size$/.exec(prop);
  if (m) {
    both.push([`${m[1] ?? ""}${m[2] === "inline" ? "width" : "height"}`, value]);
    return { both, ltr, rtl };
  }
  const side = SIDES[value.trim().replace("inline-", "")];
  if ((prop === "text-align" || prop === "float" || prop === "clear") && side) {
    ltr.push([prop, side[0]]);
    rtl.push([prop, side[1]]);
    return { both, ltr, rtl };
  }
  return null;
}

/** The selector list for one direction: `html`/`:root` at its start takes the condition, else it goes in front. */
export function inDirection(selector: string, dir: Direction): string {
  const prefix = dir === "rtl" ? "html[dir=rtl]" : "html:not([dir=rtl])";
  return selector
    .split(/,(?![^(]*\))/)
    .map((s) => {
      const t = s.trim();
      const m = /^(html|:root)(?![\w-])/.exec(t);
      return m ? prefix + t.slice(m[0].length) : `${prefix} ${t}`;
    })
    .join(", ");
}

/**
 * Replaces logical declarations by physical ones: in place when the same for both directions, else
 * in two rules right after the rule, one per direction.
 */
export function lowerLogical(root: Root): void {
  root.walkRules((rule) => {
    if (inKeyframes(rule)) return;
    const ltrDecls: Declaration[] = [];
    const rtlDecls: Declaration[] = [];
    for (const d of declarationsOf(rule)) {
      if (isCustomProperty(d.prop)) continue;
      const p = physical(d.prop, d.value);
      if (!p) continue;
      for (const [prop, value] of p.both) d.cloneBefore({ prop, value });
      for (const [prop, value] of p.ltr) ltrDecls.push(d.clone({ prop, value }));
      for (const [prop, value] of p.rtl) rtlDecls.push(d.clone({ prop, value }));
      d.remove();
    }
    if (ltrDecls.length) {
      const rtl = rule.clone({ selector: inDirection(rule.selector, "rtl"), nodes: [] });
      rtl.append(...rtlDecls);
      const ltr = rule.clone({ selector: inDirection(rule.selector, "ltr"), nodes: [] });
      ltr.append(...ltrDecls);
      // Each `after` goes right after the rule: ltr, then rtl.
      rule.after(rtl);
      rule.after(ltr);
      if (!rule.nodes.length) rule.remove();
    }
  });
}
