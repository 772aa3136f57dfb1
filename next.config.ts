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
      // No allowedOrigins: our pages send their real Origin (Referrer-Policy strict-origin), our server
      // refuses a post whose Origin is `null` or another site's before Next sees it
      // (lib/pipeline/origin.ts), and Next's own check then wants it to match X-Forwarded-Host or Host
      // (a proxy must pass the host on, as deploy/nginx.conf does).
      // A booking form is a few hundred bytes; refuse anything much larger early.
      bodySizeLimit: "64kb",
    },
  },
};

export default withNextIntl(nextConfig);
