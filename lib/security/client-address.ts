/**
 * Who a request comes from, for rate limits only (never stored, never logged). The socket's address is
 * the truth; forwarding headers are believed only from a trusted proxy (TRUSTED_PROXIES), and then the
 * client is the right-most address of X-Forwarded-For that is not itself a trusted proxy: each proxy
 * appends the address it saw, so everything to the left of the last untrusted hop is the client's own
 * say. An IPv6 client is counted by its /64, the block one household or phone gets.
 */
import { isIPv4, isIPv6 } from "node:net";
import type { BlockList } from "node:net";
import { ipv6Groups, unmapped } from "../address-range";

function isTrusted(address: string, trusted: BlockList): boolean {
  if (isIPv4(address)) return trusted.check(address, "ipv4");
  return isIPv6(address) && trusted.check(address, "ipv6");
}

/** Whether a socket's address is one of the trusted proxies (whose forwarding headers count). */
export function isTrustedProxy(socketAddress: string | undefined, trusted: BlockList): boolean {
  return isTrusted(unmapped(socketAddress ?? ""), trusted);
}

/** What limits count: an IPv4 address as it is, an IPv6 address by its /64 ("2001:db8:0:1::/64"). */
export function clientKey(address: string): string {
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
}

/**
 * The client of a request: `socketAddress` unless that is a trusted proxy, in which case the
 * right-most X-Forwarded-For entry that is not a trusted proxy (or, when every hop is trusted, the
 * left-most valid one). Entries that are not addresses end the walk.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = unmapped(socketAddress ?? "");
  if (!isIPv4(client) && !isIPv6(client)) return "unknown";
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  for (let i = chain.length - 1; i >= 0 && isTrusted(client, trusted); i--) {
    const hop = unmapped(chain[i]!.trim());
    if (!isIPv4(hop) && !isIPv6(hop)) break;
    client = hop;
  }
  return client;
}
