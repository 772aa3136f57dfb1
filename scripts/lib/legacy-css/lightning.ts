/**
 * Steps 4 and 8, and the lowering of single declarations in step 5: Lightning CSS with the old
 * targets does what it knows (nesting, color-mix() of known colours, media range syntax, calc(),
 * 8-digit hex, vendor prefixes).
 */
import { Features, transform } from "lightningcss";
import type { Targets, Warning } from "lightningcss";
import postcss from "postcss";
import type { Root } from "postcss";
import { declarationsOf } from "./nodes";

export interface LightningOptions {
  minify?: boolean;
  /** Let Lightning CSS turn logical properties into its :lang() rules. */
  logical?: boolean;
  /** Add vendor prefixes: only in the last pass (a second one would copy ::file-selector-button's rules again). */
  prefixes?: boolean;
  /** The stylesheet's file, for messages. */
  from?: string;
}

/** Runs a whole stylesheet through Lightning CSS; returns a new root and its warnings. */
export function lightning(
  root: Root,
  targets: Targets,
  { minify = false, logical = true, prefixes = true, from }: LightningOptions = {},
): { root: Root; warnings: Warning[] } {
  const res = transform({
    filename: from ?? "legacy.css",
    code: Buffer.from(root.toString()),
    targets,
    minify,
    errorRecovery: true,
    // system-ui stays as the author wrote it (Lightning CSS would put its own font list after it).
    exclude: Features.FontFamilySystemUi | (logical ? 0 : Features.LogicalProperties) | (prefixes ? 0 : Features.VendorPrefixes),
  });
  return { root: postcss.parse(res.code.toString(), { from }), warnings: res.warnings };
}

/**
 * calc() of two plain numbers, worked out here: Lightning CSS prints numbers with 5 decimals, and a
 * line-height of 1.42857 (for calc(1.25 / .875)) makes 19.99998px lines, which Chromium floors to
 * 19.984375 (1/64 px): rounded up, the lines stay 20px.
 */
export function evalNumberCalc(value: string): string {
  return value.replace(/calc\(\s*(-?[\d.]+)\s*([/*])\s*(-?[\d.]+)\s*\)/g, (whole, a: string, op: string, b: string) => {
    const x = op === "/" ? Number(a) / Number(b) : Number(a) * Number(b);
    return Number.isFinite(x) ? String(Number((Math.ceil(x * 1e5 - 1e-9) / 1e5).toFixed(5))) : whole;
  });
}

/**
 * Lowers many declarations at once (no prefixes: they come at the end, nor logical properties: step
 * 6 does those). For each [property, value] gives the declarations Lightning CSS made of it, in
 * order: several when it adds fallbacks, none when it dropped it.
 */
export function lowerDecls(list: [string, string][], targets: Targets): [string, string][][] {
  if (!list.length) return [];
  const css = list.map(([prop, value], i) => `._${i}{${prop}:${evalNumberCalc(value)}}`).join("\n");
  const res = transform({
    filename: "decls.css",
    code: Buffer.from(css),
    targets,
    minify: false,
    errorRecovery: true,
    exclude: Features.LogicalProperties | Features.VendorPrefixes | Features.FontFamilySystemUi,
  });
  const out: [string, string][][] = list.map(() => []);
  // Lightning CSS may merge rules with the same declarations: each selector names its input.
  postcss.parse(res.code.toString()).walkRules((r) => {
    for (const sel of r.selectors) for (const d of declarationsOf(r)) out[Number(sel.trim().slice(2))]?.push([d.prop, d.value]);
  });
  return out;
}
