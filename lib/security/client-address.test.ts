import { describe, expect, it } from "vitest";
import { DEFAULT_TRUSTED_PROXIES, trustedProxyList } from "../address-range";
import { clientAddress, clientKey } from "./client-address";

const defaults = trustedProxyList(DEFAULT_TRUSTED_PROXIES);
const nobody = trustedProxyList([]);

describe("clientAddress", () => {
  it("is the socket's address when nothing in front of Planado is trusted", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", defaults)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "198.51.100.1", nobody)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:203.0.113.9", undefined, defaults)).toBe("203.0.113.9");
    // …and in the other ways an IPv4 client can be written as IPv6, a proxy's included.
    expect(clientAddress("127.0.0.1", "0:0:0:0:0:ffff:c000:201", defaults)).toBe("192.0.2.1");
    expect(clientAddress("127.0.0.1", "::FFFF:C000:0201", defaults)).toBe("192.0.2.1");
    expect(clientAddress("::ffff:127.0.0.1", "::ffff:192.0.2.9", defaults)).toBe("192.0.2.9");
    expect(clientKey(clientAddress("127.0.0.1", "0:0:0:0:0:ffff:c000:201", defaults))).toBe("192.0.2.1");
  });

  it("behind a trusted proxy, takes the right-most hop that is not a trusted proxy", () => {
    // The client claims 1.1.1.1; the proxy appended the address it really saw.
    expect(clientAddress("127.0.0.1", "1.1.1.1, 203.0.113.9", defaults)).toBe("203.0.113.9");
    // Two proxies of ours (a load balancer on 10.x in front of nginx on loopback).
    expect(clientAddress("::1", "1.1.1.1, 203.0.113.9, 10.0.0.5", defaults)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", ["1.1.1.1, 203.0.113.9", "10.0.0.5"], defaults)).toBe("203.0.113.9");
  });

  it("when every hop is trusted, the client is the left-most address; garbage ends the walk", () => {
    expect(clientAddress("127.0.0.1", "192.168.1.20, 10.0.0.5", defaults)).toBe("192.168.1.20");
    expect(clientAddress("127.0.0.1", "<script>, 192.168.1.20", defaults)).toBe("192.168.1.20");
    expect(clientAddress("127.0.0.1", "", defaults)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", undefined, defaults)).toBe("127.0.0.1");
  });

  it("says unknown for a socket without an address", () => {
    expect(clientAddress(undefined, "203.0.113.9", defaults)).toBe("unknown");
  });
});

describe("clientKey", () => {
  it("counts an IPv6 client by its /64, an IPv4 client by its address", () => {
    expect(clientKey("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(clientKey("2001:DB8:0:1::5")).toBe("2001:db8:0:1::/64");
    expect(clientKey("2001:0db8:0000:0001::9")).toBe("2001:db8:0:1::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientKey("unknown")).toBe("unknown");
  });
});
