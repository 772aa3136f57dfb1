/** Where the compiled server of a build folder is (./server-bundle.ts writes it). */
import { join } from "node:path";
import { projectDir } from "./paths";

export function serverBundlePath(distDir: string): string {
  return join(projectDir, distDir, "planado", "server.mjs");
}
