// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// next-intl finds each request's language and messages here (the language comes from proxy.ts). The
// messages are compiled at build time, so browsers get no ICU parser (the wait page stays light).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./app/_i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

// Content-Security-Policy and Permissions-Policy are set per request in proxy.ts (the CSP carries a
// fresh nonce). These headers are the same for every response.
/** @type {import("next").NextConfig} */
const nextConfig = {
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
      {
        // Invitation and admin pages hold capabilities: not for search engines or shared caches.
        source: "/:kind(i|a)/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
      {
        source: "/:path*",
        headers: [
          // Invitation and admin links are capabilities: never hand them to another site.
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
