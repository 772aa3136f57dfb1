import { headers } from "next/headers";
import { getConfig } from "@/lib/env";

/**
 * The address links should start with: PUBLIC_URL when the operator set it, otherwise the address
 * this request came to (the proxy's X-Forwarded-Proto says whether it was https).
 */
export async function baseUrl(): Promise<string> {
  const configured = getConfig().PUBLIC_URL;
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  // A Host header is attacker-controlled; keep only what a host name may contain.
  const safeHost = /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : "localhost";
  return `${proto}://${safeHost}`;
}
