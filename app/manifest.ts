import type { MetadataRoute } from "next";

/**
 * The web app manifest: phones can put Planado on the home screen. Icons are served by Planado itself
 * (public/); the maskable ones keep the mark inside the safe zone.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Planado",
    short_name: "Planado",
    // One manifest serves the whole site, whatever language a visitor reads: it says so.
    description: "Book a Jitsi Meet conference in advance. The room stays secret until it starts.",
    lang: "en",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
