/**
 * Every line Planado's server process writes, its own and the framework's, goes through the log
 * rule (lib/pipeline/log-lines.ts): no capability link's id, no query. Installed first by
 * server/main.ts, on the two streams everything writes to (console.* included).
 */
import { scrubLogText } from "@/lib/pipeline/log-lines";

type Write = NodeJS.WriteStream["write"];

function scrubbed(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === "string") return write(scrubLogText(chunk), ...rest);
    if (chunk instanceof Uint8Array) return write(scrubLogText(Buffer.from(chunk).toString("utf8")), ...rest);
    return write(chunk, ...rest);
  }) as Write;
}

export function scrubProcessOutput(): void {
  scrubbed(process.stdout);
  scrubbed(process.stderr);
}
