/**
 * Step 3: the colour functions of CSS Color 4 become sRGB, as Chromium paints them on an sRGB screen;
 * and after Lightning CSS, the modern forms it keeps beside their fallbacks go.
 */
import Color from "colorjs.io";
import type { Result, Root } from "postcss";
import { isDeclaration } from "./nodes";

/** A colour old engines cannot read (in a value or an @supports condition). */
export const MODERN_COLOUR = /(^|[^\w-])(color-mix|oklch|oklab|lab|lch|hwb|color|light-dark)\(/i;

/** A colour function without nested parentheses (so no var() or relative colour inside). */
const COLOUR_FUNCTION = /(?<![\w-])(oklch|oklab|lab|lch|hwb|color)\(([^()]*)\)/gi;

/**
 * One colour as sRGB: hex, or rgba() when translucent. Out-of-gamut channels are clipped one by one,
 * as Chromium does on an sRGB screen (Lightning CSS would gamut-map, which gives other pixels).
 * A colour colorjs.io cannot read stays as written.
 */
function toSrgb(colour: string): string {
  try {
    const c = new Color(colour).to("srgb").toGamut({ method: "clip" });
    // A missing channel (`none`) counts as 0, as it does when painted.
    const channels = c.coords.map((x) => Math.round(Math.min(1, Math.max(0, Number(x) || 0)) * 255));
    const alpha = Number(c.alpha ?? 1);
    if (alpha < 1) return `rgba(${channels.join(", ")}, ${Number(alpha.toFixed(3))})`;
    return "#" + channels.map((x) => x.toString(16).padStart(2, "0")).join("");
  } catch {
    return colour;
  }
}

/** Replaces oklch()/oklab()/lab()/lch()/hwb()/color() in every declaration by its sRGB colour. */
export function clipColours(root: Root): void {
  root.walkDecls((d) => {
    if (d.value.search(COLOUR_FUNCTION) >= 0) d.value = d.value.replace(COLOUR_FUNCTION, toSrgb);
  });
}

/**
 * An @supports that tests a modern colour is unwrapped when what it holds is static now (old engines
 * then read it as the current ones do), else dropped with a warning. A declaration with a modern
 * colour goes when an earlier one of the same property in its rule has none: Lightning CSS keeps it
 * after its fallback for wide-gamut screens, which would paint other pixels than the sRGB one.
 */
export function dropModernColours(root: Root, result: Result): void {
  root.walkAtRules("supports", (at) => {
    if (!MODERN_COLOUR.test(at.params)) return;
    let modern = false;
    at.walkDecls((d) => {
      if (MODERN_COLOUR.test(d.value) || /var\(/.test(d.value)) modern = true;
    });
    if (modern) {
      result.warn(`dropped @supports ${at.params}: ${at.toString().replace(/\s+/g, " ").slice(0, 140)}…`, { node: at });
      at.remove();
    } else at.replaceWith(at.nodes ?? []);
  });
  root.walkDecls((d) => {
    if (!MODERN_COLOUR.test(d.value)) return;
    for (let p = d.prev(); p; p = p.prev())
      if (isDeclaration(p) && p.prop === d.prop && !MODERN_COLOUR.test(p.value)) {
        d.remove();
        return;
      }
  });
}
