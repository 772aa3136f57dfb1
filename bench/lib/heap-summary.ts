/**
 * What a heap snapshot holds, summed by kind of object (V8's node type and constructor name): where a
 * server's memory goes. Reads the snapshot format Node writes (--heapsnapshot-signal).
 */
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapGroup {
  group: string;
  bytes: number;
  count: number;
}

export function summariseHeap(file: string, top = 12): { total: number; groups: HeapGroup[] } {
  const data = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const groups = new Map<string, HeapGroup>();
  let total = 0;
  for (let i = 0; i < data.nodes.length; i += width) {
    const type = types[data.nodes[i + typeAt]!]!;
    const size = data.nodes[i + sizeAt]!;
    // Objects by their constructor; strings, code and the rest by their kind.
    const group = type === "object" || type === "closure" ? `${type} ${data.strings[data.nodes[i + nameAt]!]}` : type;
    const entry = groups.get(group) ?? { group, bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count++;
    groups.set(group, entry);
    total += size;
  }
  return { total, groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top) };
}
