// Next.js calls register() once when a server starts. The Node.js-only work lives in its own file,
// so the Edge bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}
