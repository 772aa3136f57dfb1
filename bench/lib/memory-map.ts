/**
 * Where a process's resident memory goes, from /proc/<pid>/smaps: each mapping's RSS, grouped by
 * what it holds. The anonymous mappings are V8's heap (its own figure comes from a Node report),
 * WebAssembly memory, buffers and thread stacks; `[heap]` is the C library's allocator (malloc:
 * Node's and V8's own structures, zlib, OpenSSL); the node binary and libraries are file-backed
 * pages, which the kernel can drop and reread and which several processes share.
 */
import { readFileSync } from "node:fs";

export interface MemoryMap {
  /** MiB resident in each group. */
  anonymous: number;
  malloc: number;
  nodeBinary: number;
  nativeModules: number;
  sharedLibraries: number;
  otherFiles: number;
  total: number;
}

export function memoryMap(pid: number): MemoryMap | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, "utf8");
  } catch {
    return undefined;
  }
  const kib: Record<keyof MemoryMap, number> = { anonymous: 0, malloc: 0, nodeBinary: 0, nativeModules: 0, sharedLibraries: 0, otherFiles: 0, total: 0 };
  let group: keyof MemoryMap = "anonymous";
  for (const line of text.split("\n")) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const name = mapping[1]!.trim();
      if (!name || name.startsWith("[anon") || name === "[stack]") group = "anonymous";
      else if (name === "[heap]") group = "malloc";
      else if (name.startsWith("[")) group = "anonymous";
      else if (/\/node$/.test(name)) group = "nodeBinary";
      else if (name.endsWith(".node")) group = "nativeModules";
      else if (/\.so(\.\d+)*$/.test(name)) group = "sharedLibraries";
      else group = "otherFiles";
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) {
      kib[group] += Number(rss[1]);
      kib.total += Number(rss[1]);
    }
  }
  return Object.fromEntries(Object.entries(kib).map(([key, value]) => [key, value / 1024])) as unknown as MemoryMap;
}
