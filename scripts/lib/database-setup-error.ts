/**
 * The failure of finding or starting a database server whose message is one sentence for a person:
 * the operator scripts print it as it is (scripts/lib/cli.ts), without a stack.
 */
export class DatabaseSetupError extends Error {
  override name = "DatabaseSetupError";
}
