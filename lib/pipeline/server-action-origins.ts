/**
 * The origins Next's server actions accept besides the request's own host: PUBLIC_URL's host (and
 * port), when it is set and is an address (lib/env.ts checks it at start). Behind a proxy that does
 * not pass the host on, PUBLIC_URL is what says where Planado is. No imports, so that next.config.ts
 * (at build time) and our server (at run time: server/built-next-config.ts) read the same rule.
 */
export function serverActionOrigins(publicUrl: string | undefined): string[] {
  try {
    return publicUrl ? [new URL(publicUrl).host] : [];
  } catch {
    return [];
  }
}
