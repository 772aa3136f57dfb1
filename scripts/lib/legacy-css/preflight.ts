/**
 * A smaller preflight for a stylesheet that serves a few known pages: the rules of Tailwind's base
 * layer that can match no element those pages have go (each byte counts on the slow links of old
 * devices).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "postcss";

/**
 * The elements pages can hold: the lower-case JSX tags written in the .ts/.tsx files (not tests)
 * directly in the given folders (relative to `projectDir`; subfolders are not read), and html, head,
 * body. It may name a few that are not elements (`Promise<void>` gives "void"), which only keeps
 * a rule more.
 */
export function usedElements(projectDir: string, folders: string[]): Set<string> {
  const tags = new Set(["html", "body", "head"]);
  for (const folder of folders)
    for (const file of readdirSync(join(projectDir, folder)))
      if (/\.(tsx|ts)$/.test(file) && !/\.test\.tsx?$/.test(file))
        for (const m of readFileSync(join(projectDir, folder, file), "utf8").matchAll(/<([a-z][a-z0-9]*)[\s>/]/g)) if (m[1]) tags.add(m[1]);
  return tags;
}

/**
 * A PostCSS plugin, to run before Tailwind's layers are flattened: drops the selectors of
 * `@layer base` that can match none of `tags` (and rules left without one). Form controls' own
 * pseudo-elements count only with an <input>, <select> or <textarea>, ::backdrop only with a <dialog>,
 * :host never (no shadow DOM here).
 */
export function trimPreflight(tags: ReadonlySet<string>): Plugin {
  const fields = ["input", "select", "textarea"].some((t) => tags.has(t));
  const canMatch = (selector: string) => {
    const s = selector.trim();
    if (/^:host\b/.test(s)) return false;
    if (/::?backdrop/.test(s)) return tags.has("dialog");
    if (/::?(file-selector-button|placeholder|-webkit-|-moz-ui-invalid)/.test(s)) return fields;
    // The element name of the last compound, if it has one (a rough split: unknown means kept).
    const subject = s.split(/[\s>+~]+/).pop() ?? "";
    const type = /^([a-z][a-z0-9]*)/.exec(subject)?.[1];
    return !type || tags.has(type);
  };
  return {
    postcssPlugin: "trim-preflight",
    Once(root) {
      root.walkAtRules("layer", (layer) => {
        if (layer.params.trim() !== "base" || !layer.nodes) return;
        layer.walkRules((rule) => {
          const keep = rule.selectors.filter(canMatch);
          if (!keep.length) rule.remove();
          else if (keep.length !== rule.selectors.length) rule.selectors = keep;
        });
        layer.walkAtRules((at) => {
          if (at.nodes && !at.nodes.length) at.remove();
        });
      });
    },
  };
}
