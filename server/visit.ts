/** One request on the participant's path, as our server read it, and what its handlers share. */
import type { HeaderReader } from "@/lib/request";
import type { Answer } from "@/lib/http/answer";
import type { PageSetup } from "./pages/invitation-html";

export interface Visit {
  method: "GET" | "HEAD";
  url: URL;
  headers: HeaderReader;
  /** The client, for limits only (see lib/security/client-address.ts). */
  client: string;
  now: Date;
}

/** A handler of the fast path: the visit, the id its path names, and how our pages are set up. */
export type Handler = (visit: Visit, id: string, setup: PageSetup) => Promise<Answer>;
