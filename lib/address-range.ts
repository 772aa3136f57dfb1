/**
 * Addresses and address ranges as operators write them (TRUSTED_PROXIES) and as sockets and proxies
 * report them, in any IPv4 or IPv6 spelling. Pure: read by the configuration and by the rate limits.
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";

/** Loopback and the private ranges: a reverse proxy on the same host or network. */
export const DEFAULT_TRUSTED_PROXIES = ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

/**
 * An IPv4 client written as IPv6 (a dual-stack socket says "::ffff:192.0.2.1"; a proxy may write
 * "0:0:0:0:0:ffff:c000:201") is its IPv4 address, in whatever spelling.
 */
export function unmapped(address: string): string {
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).some((g) => g !== "0") || groups[5] !== "ffff") return address;
  const [high, low] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** An address or CIDR as written in TRUSTED_PROXIES; undefined when it is neither. */
export function parseAddressRange(text: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | undefined {
  const [rawAddress = "", rawPrefix, extra] = text.trim().split("/");
  if (extra !== undefined) return undefined;
  const address = unmapped(rawAddress);
  const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
  if (!family) return undefined;
  const max = family === "ipv4" ? 32 : 128;
  if (rawPrefix === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(rawPrefix) || Number(rawPrefix) > max) return undefined;
  return { address, prefix: Number(rawPrefix), family };
}

/** The trusted proxies as a list the socket addresses are checked against. */
export function trustedProxyList(ranges: readonly string[]): BlockList {
  const list = new BlockList();
  for (const text of ranges) {
    const range = parseAddressRange(text);
    if (range) list.addSubnet(range.address, range.prefix, range.family);
  }
  return list;
}

/** The eight groups of an IPv6 address, expanded ("2001:db8::1" → 2001, db8, 0, 0, 0, 0, 0, 1). */
export function ipv6Groups(address: string): string[] {
  // A trailing dotted quad ("::ffff:192.0.2.1") is the last two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = quad
    ? address.slice(0, quad.index) + [((+quad[1]! << 8) | +quad[2]!).toString(16), ((+quad[3]! << 8) | +quad[4]!).toString(16)].join(":")
    : address;
  const [head = "", tail] = text.toLowerCase().split("::");
  const part = (text: string) => (text ? text.split(":") : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: missing }, () => "0"), ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
