import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl finds each request's language and messages here (our server hands it over in a header: lib/pipeline/request-headers.ts). The
// messages are compiled at build time, so browsers get no ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./app/_i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

// No headers here and no proxy.ts: every request reaches Next through our server (server/), whose
// request pipeline (lib/pipeline/) sets every answer's headers, Next's included.
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
};

export default withNextIntl(nextConfig);
