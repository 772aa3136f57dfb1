/**
 * What the cascade step needs to know about a selector and a property: the selector's specificity,
 * its pseudo-element and subject element, the physical longhands a property sets, and how to raise a
 * selector's specificity without changing what it matches.
 */
import selectorParser from "postcss-selector-parser";
import { isCustomProperty, withoutVendorPrefix } from "./nodes";

/** [ids, classes/attributes/pseudo-classes, elements/pseudo-elements] */
export type Specificity = [number, number, number];

export const compareSpecificity = (x: Specificity, y: Specificity): number => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

/** Pseudo-elements, including the four CSS 2 ones still written with one colon. */
export const isPseudoElement = (value: string): boolean =>
  value.startsWith("::") || [":before", ":after", ":first-line", ":first-letter"].includes(value.toLowerCase());

/** Pseudo-classes whose specificity is that of their most specific argument. */
const BY_ARGUMENT = [":not", ":is", ":has", ":matches", ":-webkit-any", ":-moz-any"];

function specificityOfOne(sel: selectorParser.Selector): Specificity {
  const s: Specificity = [0, 0, 0];
  sel.each((n) => {
    if (n.type === "id") s[0]++;
    else if (n.type === "class" || n.type === "attribute") s[1]++;
    else if (n.type === "tag") s[2]++;
    else if (n.type === "pseudo") {
      const v = n.value.toLowerCase();
      if (v === ":where") return;
      if (BY_ARGUMENT.includes(v)) {
        let most: Specificity = [0, 0, 0];
        for (const arg of n.nodes) {
          const x = specificityOfOne(arg);
          if (compareSpecificity(x, most) > 0) most = x;
        }
        s[0] += most[0];
        s[1] += most[1];
        s[2] += most[2];
      } else if (isPseudoElement(v)) s[2]++;
      else s[1]++;
    }
  });
  return s;
}

/** The highest specificity of a selector list's members ([0, 0, 0] when it cannot be parsed). */
export function specificity(selector: string): Specificity {
  let best: Specificity = [0, 0, 0];
  try {
    selectorParser((sels) =>
      sels.each((sel) => {
        const x = specificityOfOne(sel);
        if (compareSpecificity(x, best) > 0) best = x;
      }),
    ).processSync(selector);
  } catch {
    // Unparsable: it cannot win anything, and the rule is left as it is.
  }
  return best;
}

const SIDES = ["top", "right", "bottom", "left"];
const CORNERS = ["top-left", "top-right", "bottom-right", "bottom-left"];
const SHORTHANDS: Record<string, string[]> = {
  font: ["font-style", "font-variant", "font-weight", "font-stretch", "font-size", "line-height", "font-family"],
  background: [
    "background-color",
    "background-image",
    "background-position",
    "background-size",
    "background-repeat",
    "background-origin",
    "background-clip",
    "background-attachment",
  ],
  outline: ["outline-color", "outline-style", "outline-width"],
  "text-decoration": ["text-decoration-line", "text-decoration-color", "text-decoration-style", "text-decoration-thickness"],
  "list-style": ["list-style-type", "list-style-position", "list-style-image"],
  gap: ["row-gap", "column-gap"],
  "grid-gap": ["row-gap", "column-gap"],
  "grid-row-gap": ["row-gap"],
  "grid-column-gap": ["column-gap"],
  overflow: ["overflow-x", "overflow-y"],
  flex: ["flex-grow", "flex-shrink", "flex-basis"],
  "flex-flow": ["flex-direction", "flex-wrap"],
};

/**
 * The sides a logical axis may stand for. The inline axis is left or right depending on the
 * direction, so both count: two declarations conflict if they may set the same side.
 */
const sidesOf = (axis: string, edge: string | undefined): string[] =>
  axis === "block" ? (edge === "start" ? ["top"] : edge === "end" ? ["bottom"] : ["top", "bottom"]) : ["left", "right"];

/**
 * The physical longhands a property sets (for a logical one, each side it may stand for), so that
 * `margin`, `margin-inline` and `margin-left` are seen to conflict. Transitions and animations are
 * each one pseudo-longhand (`transition-*`).
 */
export function longhands(prop: string): string[] {
  if (isCustomProperty(prop)) return [prop];
  const p = withoutVendorPrefix(prop);
  let m: RegExpExecArray | null;
  if ((m = /^(margin|padding|scroll-margin|scroll-padding)(?:-(top|right|bottom|left))?$/.exec(p))) {
    const [, box = "", side] = m;
    return side ? [`${box}-${side}`] : SIDES.map((x) => `${box}-${x}`);
  }
  if ((m = /^(margin|padding|scroll-margin|scroll-padding)-(block|inline)(?:-(start|end))?$/.exec(p))) {
    const [, box = "", axis = "", edge] = m;
    return sidesOf(axis, edge).map((x) => `${box}-${x}`);
  }
  if ((m = /^inset(?:-(block|inline)(?:-(start|end))?)?$/.exec(p))) return m[1] ? sidesOf(m[1], m[2]) : SIDES;
  if (SIDES.includes(p)) return [p];
  if ((m = /^border(?:-(top|right|bottom|left|block|inline)(?:-(start|end))?)?(?:-(width|style|color))?$/.exec(p))) {
    const [, side, edge, part] = m;
    const sides = !side ? SIDES : side === "block" || side === "inline" ? sidesOf(side, edge) : [side];
    return sides.flatMap((x) => (part ? [part] : ["width", "style", "color"]).map((q) => `border-${x}-${q}`));
  }
  if (/^border(-(top|bottom|start|end)-(left|right|start|end))?-radius$/.test(p))
    return p === "border-radius" || /start|end/.test(p) ? CORNERS.map((c) => `border-${c}-radius`) : [p];
  const shorthand = SHORTHANDS[p];
  if (shorthand) return shorthand;
  if ((m = /^(transition|animation)(-|$)/.exec(p))) return [`${m[1]}-*`];
  if (/^place-(items|content|self)$/.test(p)) return [p.replace("place", "align"), p.replace("place", "justify")];
  if ((m = /^(min-|max-)?(inline|block)-size$/.exec(p))) return [`${m[1] ?? ""}width`, `${m[1] ?? ""}height`];
  return [p];
}

/** The pseudo-element a selector ends in, without colons ("" for none). */
export function pseudoElementOf(selector: string): string {
  const m = /(::?(?:before|after|first-line|first-letter)|::[\w-]+)(?:\([^)]*\))?\s*$/i.exec(selector);
  return m?.[1] ? m[1].replace(/^::?/, "").toLowerCase() : "";
}

/**
 * The element name the subject of a selector requires ("" for none), so that `a {…}` and `p {…}`
 * are not taken to conflict. Only the first member of a list counts.
 */
export function subjectType(selector: string): string {
  let type = "";
  try {
    selectorParser((sels) => {
      const sel = sels.first;
      for (let j = sel.nodes.length - 1; j >= 0; j--) {
        const n = sel.nodes[j];
        if (!n || n.type === "combinator") break;
        if (n.type === "tag") type = n.value.toLowerCase();
      }
    }).processSync(selector);
  } catch {
    // Unparsable: no known subject, so it may conflict with anything.
  }
  return type;
}

// `#\#` is an id no element has, so `:not(#\#)` matches every element and adds one id's worth.
const NOT_ID = selectorParser().astSync(":not(#\\#)").first.first;

/** The selector with `:not(#\#)` put in `times` times, before its pseudo-element if it has one. */
export function bumpSelector(selector: string, times: number): string {
  return selectorParser((sels) =>
    sels.each((sel) => {
      let at = sel.nodes.length;
      for (let j = sel.nodes.length - 1; j >= 0; j--) {
        const n = sel.nodes[j];
        if (!n || n.type === "combinator") break;
        if (n.type === "pseudo" && isPseudoElement(n.value)) at = j;
      }
      for (let t = 0; t < times; t++) {
        const node = NOT_ID.clone();
        const before = sel.nodes[at];
        if (before) sel.insertBefore(before, node);
        else sel.append(node);
        at++;
      }
    }),
  ).processSync(selector, { lossless: false });
}
