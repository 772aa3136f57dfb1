/** Finding a TCP port on 127.0.0.1 that nothing listens on, for a server the scripts or tests start. */
import { createServer } from "node:net";
import { DatabaseSetupError } from "./database-setup-error";

/** A port nothing listens on now (the preferred one if it is free). */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((done) => {
      const server = createServer();
      server.once("error", () => done(undefined));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => done(typeof address === "object" && address ? address.port : undefined));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new DatabaseSetupError("Could not find a free port for the private MariaDB.");
  return port;
}
