import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_REQUEST_BODY_BYTES } from "./lib/pipeline/limits";
import { serverActionOrigins } from "./lib/pipeline/server-action-origins";

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
  // Planado shows no optimised images (our server refuses the optimiser's address too: server/request-target.ts).
  images: { unoptimized: true },
  experimental: {
    serverActions: {
      // Our pages send their real Origin (Referrer-Policy strict-origin) and our server refuses a post
      // whose Origin is `null` or another site's before Next sees it (lib/pipeline/origin.ts). Next's
      // own check then wants it to match X-Forwarded-Host or Host, or PUBLIC_URL's host named here.
      // (The server does not read this file: it takes the build's copy and sets this again from
      // PUBLIC_URL at run time, server/built-next-config.ts. Another origin belongs in that one rule,
      // lib/pipeline/server-action-origins.ts, not here; so does anything else read from the
      // environment, which only the build sees here.)
      allowedOrigins: serverActionOrigins(process.env.PUBLIC_URL),
      // Our server refuses a larger body before Next reads it (server/request-limits.ts); the same
      // limit here, in case Next is ever reached another way.
      bodySizeLimit: MAX_REQUEST_BODY_BYTES,
    },
    // What Next copies of a body to replay it (10 MB by default): the same limit.
    proxyClientMaxBodySize: MAX_REQUEST_BODY_BYTES,
  },
};

export default withNextIntl(nextConfig);
