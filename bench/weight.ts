/**
 * Weight: what a phone downloads for a page (compressed, as sent), by kind, and how many requests it
 * makes, measured in Debian's Chromium through the DevTools protocol.
 */
import { chromium } from "@playwright/test";

export interface Weight {
  html: number;
  css: number;
  js: number;
  other: number;
  requests: number;
}

const KIND: Record<string, keyof Omit<Weight, "requests">> = { Document: "html", Stylesheet: "css", Script: "js" };

export async function measureWeight(urls: string[]): Promise<Weight[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  try {
    const results: Weight[] = [];
    for (const url of urls) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const types = new Map<string, string>();
      const weight: Weight = { html: 0, css: 0, js: 0, other: 0, requests: 0 };
      cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
      cdp.on("Network.loadingFinished", (e) => {
        weight.requests++;
        weight[KIND[types.get(e.requestId) ?? ""] ?? "other"] += e.encodedDataLength;
      });
      await page.goto(url, { waitUntil: "networkidle" });
      results.push(weight);
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
