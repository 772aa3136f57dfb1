// The framework's floor for the weight benchmark: an empty page, built with the same settings that
// shape what Planado's pages ship (no i18n plugin: the empty page has no messages).
const config = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
