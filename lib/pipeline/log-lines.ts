/**
 * What a line in Planado's log may say, whoever writes it: our code never logs a request's address,
 * but the framework does (Next quotes "for /a/<admin id>?n=<name>" in some of its messages). So every
 * line our process writes goes through scrubLogText (server/scrubbed-output.ts): a capability link's
 * id (./capability-paths.ts) and every query (names travel there) become "…". File paths of the code
 * stay readable: a route folder such as "app/a/[adminId]" names no id.
 */
import { CAPABILITY_PREFIXES } from "./capability-paths";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** A capability prefix and what follows it up to a space or a quote; longest prefix first ("/calendar/feed/" before "/calendar/"). */
const CAPABILITY = new RegExp(
  `(${[...CAPABILITY_PREFIXES]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})(?!\\[)[^\\s"'\`<>]+`,
  "g",
);

/** The same, percent-encoded, as a link quoted inside another's query is ("url=%2Fa%2F<id>"). */
const ENCODED_CAPABILITY = new RegExp(
  `(${[...CAPABILITY_PREFIXES]
    .sort((a, b) => b.length - a.length)
    .map((prefix) => escape(encodeURIComponent(prefix)))
    .join("|")})[^\\s"'\`<>&]+`,
  "gi",
);

/** A query: from "?" (or its encoded "%3F") to a space or a quote. */
const QUERY = /\?[^\s"'`<>]+/g;
const ENCODED_QUERY = /%3F[^\s"'`<>&]+/gi;

export function scrubLogText(text: string): string {
  if (!text.includes("/") && !text.includes("?") && !text.includes("%")) return text;
  return text.replace(CAPABILITY, "$1…").replace(ENCODED_CAPABILITY, "$1…").replace(ENCODED_QUERY, "%3F…").replace(QUERY, "?…");
}
