/** Picking parts of a message tree, for the few messages a client component needs. */
export type Tree = { [key: string]: string | Tree };

/** The parts of `messages` named by dotted paths ("form", "admin.copied"), in their places. */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const picked: Tree = {};
  for (const path of paths) {
    const parts = path.split(".");
    let value: string | Tree | undefined = messages;
    for (const part of parts) value = typeof value === "object" ? value[part] : undefined;
    if (value === undefined) continue; // a path that does not exist picks nothing
    let into = picked;
    for (const part of parts.slice(0, -1)) into = (into[part] ??= {}) as Tree;
    into[parts.at(-1)!] = value;
  }
  return picked;
}
