/**
 * legacy-css: a PostCSS plugin that lowers Tailwind CSS 4 output to CSS that engines from about 2012
 * on (and NetSurf) can read, while current engines render it the same (checked with screenshots of
 * the app's pages in Chromium, light and dark, ltr and rtl).
 *
 * Put it right after `@tailwindcss/postcss`. Its steps run in a fixed order inside one `Once` hook,
 * since PostCSS would otherwise interleave them with other plugins' visitors:
 *
 *  1. @property → one `*` rule of initial values (properties.ts).
 *  2. @layer flattened, :where()/:is() expanded, the cascade restored with `:not(#\#)` (cascade.ts).
 *  3. oklch() and friends → sRGB, clipped as Chromium paints them (colours.ts).
 *  4. Lightning CSS with the old targets, without prefixes (lightning.ts); modern colours it kept
 *     beside their fallbacks go (colours.ts).
 *  5. var(): a static copy before each use; the var() form kept where it may differ (variables.ts).
 *  6. Logical properties → physical ones per direction (logical.ts).
 *  7. Fallbacks (dvh, clip, word-wrap) and selector lists split (fixups.ts).
 *  8. Lightning CSS again: vendor prefixes, and minification if asked.
 *
 * Messages: result.warn() for what it could not lower; a `legacy-css` message lists raised selectors.
 *
 * Why not a library: on the app's Tailwind output, postcss-preset-env (stage 0, nothing preserved)
 * still left 169 constructs those engines refuse (every @property, 60 modern colours, 67 var()
 * without fallback) and Lightning CSS alone 303 (@layer too); neither restores the cascade that
 * @layer and :where() gave. Lightning CSS does well what it does, so it runs here twice.
 */
import browserslist from "browserslist";
import { browserslistToTargets } from "lightningcss";
import type { Plugin } from "postcss";
import { flattenCascade } from "./cascade";
import { clipColours, dropModernColours } from "./colours";
import { dropUselessCopies, fixups } from "./fixups";
import { lightning } from "./lightning";
import { lowerLogical } from "./logical";
import { declarationsOf } from "./nodes";
import { findPolyfill, takeProperties } from "./properties";
import { collectGlobals, dynamicVars, lowerVars } from "./variables";
import type { KeepVars } from "./variables";

/** The oldest engines aimed at: 2012's (IE 10, Safari 6, Chrome 20, Firefox 15, Android 4). */
export const DEFAULT_TARGETS = "chrome >= 20, firefox >= 15, safari >= 6, ios_saf >= 6, ie >= 10, android >= 4";

export interface LegacyCssOptions {
  /** A browserslist query of the oldest engines (default DEFAULT_TARGETS). */
  browsers?: string;
  /**
   * Keep var() forms after their static copies: "dynamic" (default) where a variable they read is set
   * to another value by some rule (Tailwind's --tw-* composition, e.g. shadow + ring), true all, false none.
   */
  keepVars?: KeepVars;
  /**
   * How logical properties become physical ones: "dir" (default) `html:not([dir=rtl]) …` and
   * `html[dir=rtl] …` rules, which need dir on <html>; "lang" Lightning CSS's :lang() lists.
   */
  rtl?: "dir" | "lang";
  /** Layers whose :where()/:is() stay as they are (default ["base"]: preflight's zero specificity is what lets every utility win). */
  keepWhereIn?: string[];
  /** Minify at the end (default false: Next minifies by itself). */
  minify?: boolean;
}

export function legacyCss(options: LegacyCssOptions = {}): Plugin {
  const { browsers = DEFAULT_TARGETS, keepVars = "dynamic", rtl = "dir", keepWhereIn = ["base"], minify = false } = options;
  const targets = browserslistToTargets(browserslist(browsers));
  return {
    postcssPlugin: "legacy-css",
    Once(root, { result }) {
      const from = root.source?.input.file;
      const initials = takeProperties(root);
      flattenCascade(root, result, keepWhereIn);
      clipColours(root);
      const first = lightning(root, targets, { logical: rtl === "lang", prefixes: false, from });
      for (const w of first.warnings) result.warn(`lightningcss: ${w.message}`);
      let out = first.root;
      dropModernColours(out, result);
      const globals = collectGlobals(out, initials);
      const polyfill = findPolyfill(out);
      // The polyfill's values as Lightning CSS lowered them (#0000 → rgba(0, 0, 0, 0)).
      if (polyfill) for (const d of declarationsOf(polyfill)) globals.set(d.prop, d.value);
      lowerVars(out, globals, dynamicVars(out, polyfill, globals), keepVars, targets, result);
      if (rtl === "dir") lowerLogical(out);
      fixups(out);
      // Vendor prefixes last, once (a second prefixing pass would copy ::file-selector-button's rules again).
      out = lightning(out, targets, { minify, logical: rtl === "lang", prefixes: true, from }).root;
      dropUselessCopies(out);
      root.removeAll();
      root.append(out.nodes);
      root.raws = out.raws;
    },
  };
}
// PostCSS's marker of a plugin creator, for configurations that name the plugin by its module.
legacyCss.postcss = true as const;
