import { describe, expect, it } from "vitest";
import { parseAddressRange } from "./address-range";

describe("parseAddressRange", () => {
  it("reads addresses and CIDRs and refuses anything else", () => {
    expect(parseAddressRange("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseAddressRange(" ::1 ")).toEqual({ address: "::1", prefix: 128, family: "ipv6" });
    for (const bad of ["10.0.0.0/33", "fe80::/129", "example.org", "10.0.0.0/8/8", "", "10.0.0.0/-1"]) expect(parseAddressRange(bad), bad).toBeUndefined();
  });
});
