import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PRIVATE_PAGE_HEADERS, securityHeaders } from "./lib/security/csp";

// next-intl finds each request's language and messages here (the language comes from proxy.ts). The
// messages are compiled at build time, so browsers get no ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./app/_i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

// The Content-Security-Policy and Permissions-Policy are set per request in proxy.ts (the CSP carries
// a fresh nonce); these are the headers that are the same for every response, static files included.
const { "Content-Security-Policy": _csp, "Permissions-Policy": _permissions, ...fixedHeaders } = securityHeaders("");

const nextConfig: NextConfig = {
  // The test run builds into its own folder so it never disturbs a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: {
      // Every page says `Referrer-Policy: no-referrer`, so browsers send `Origin: null` with form
      // posts and Next's same-origin check would refuse them. Planado has no cookies or sessions (no
      // ambient authority a forged request could borrow) and every change needs the admin id, so a
      // cross-site request can do nothing its sender could not do directly: allow the null origin.
      allowedOrigins: ["null"],
      // A booking form is a few hundred bytes; refuse anything much larger early.
      bodySizeLimit: "64kb",
    },
  },
  async headers() {
    return [
      { source: "/:kind(i|a)/:path*", headers: asList(PRIVATE_PAGE_HEADERS) },
      { source: "/:path*", headers: asList(fixedHeaders) },
    ];
  },
};

export default withNextIntl(nextConfig);
