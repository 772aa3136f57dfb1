/**
 * The links Planado hands out. The name rides along in `?n=` because it is never stored; in an
 * invitation link it is signed (`sig`), so nobody can make Planado show, or sign into a calendar,
 * text of their choosing under a real invitation: a name without its signature is not shown.
 */
import { timingSafeEqual } from "node:crypto";
import { nameSignature } from "../keys/derive";
import { serverKeys } from "../keys/server-secret";
import { isLocale, withLocale } from "../i18n/locales";
import type { Locale } from "../i18n/locales";
import { nameFromLink } from "./name";

export function invitationUrl(base: string, invitationId: string, name?: string): string {
  const url = new URL(`${base}/i/${invitationId}`);
  if (name) {
    url.searchParams.set("n", name);
    url.searchParams.set("sig", nameSignature(serverKeys(), invitationId, name));
  }
  return url.href;
}

/**
 * What an invitation link's query holds that Planado reads: the name with its signature (both, or
 * neither) and the visitor's language. Nothing else of a query counts, or goes on into a page or a link.
 */
export interface InvitationQuery {
  named?: { n: string; sig: string };
  lang?: Locale;
}

/**
 * The longest query an invitation link may have. The longest link Planado hands out, a name of
 * NAME_MAX_LENGTH characters of four bytes each (every one %XX%XX%XX%XX) with its signature and a
 * language, has a query of 2,427 characters (links.test.ts measures it); this leaves room for names of
 * emoji sequences and stays well under the 8 kB a request's head may have. A longer query is not
 * read: the visitor is sent to the link's own address (see server/invitation-page.ts).
 */
export const MAX_INVITATION_QUERY_LENGTH = 4096;

export function readInvitationQuery(query: URLSearchParams): InvitationQuery {
  const [n, sig, lang] = [query.get("n"), query.get("sig"), query.get("lang")];
  return { named: n !== null && sig !== null ? { n, sig } : undefined, lang: isLocale(lang) ? lang : undefined };
}

/** The invitation's address with only `query` (the language first, as every language link has it). */
export function invitationHref(invitationId: string, { named, lang }: InvitationQuery): string {
  const path = `/i/${encodeURIComponent(invitationId)}`;
  const withName = named ? `${path}?${new URLSearchParams(named)}` : path;
  return lang ? withLocale(withName, lang) : withName;
}

/**
 * The invitation's own address, for a page that reloads it: its path with only what the page reads
 * from the query (the language, the name with its signature), never whatever else the query held;
 * without the name when even that would make the query too long.
 */
export function invitationPath(invitationId: string, query: URLSearchParams): string {
  const read = readInvitationQuery(query);
  const href = invitationHref(invitationId, read);
  return href.length - href.indexOf("?") > MAX_INVITATION_QUERY_LENGTH ? invitationHref(invitationId, { lang: read.lang }) : href;
}

/**
 * The name an invitation link carries, if it is the one Planado signed for this invitation, cleaned
 * as every name is; undefined when there is none, or it was changed.
 */
export function signedName(invitationId: string, query: URLSearchParams): string | undefined {
  return signedNameOf(invitationId, readInvitationQuery(query).named);
}

function signedNameOf(invitationId: string, named: InvitationQuery["named"]): string | undefined {
  if (!named) return undefined;
  const name = nameFromLink(named.n);
  if (!name) return undefined;
  // A link carries the name exactly as it was signed. Links handed out before names lost their
  // invisible characters still carry those (signed with them), and still open, with the name cleaned.
  return nameIfSigned(invitationId, name, named.sig) ?? (named.n !== name && nameIfSigned(invitationId, named.n, named.sig) ? name : undefined);
}

/**
 * The query an invitation page is built from and links on with: the language, and the name only if
 * Planado signed it, as today's links carry it (cleaned, with its signature); with that name.
 */
export function pageQuery(invitationId: string, query: InvitationQuery): { query: InvitationQuery; name?: string } {
  const name = signedNameOf(invitationId, query.named);
  return { query: { named: name ? { n: name, sig: nameProof(invitationId, name) } : undefined, lang: query.lang }, name };
}

/** `name`, if `signature` is the one Planado made for it and this invitation; else undefined. */
export function nameIfSigned(invitationId: string, name: string | undefined, signature: string | null | undefined): string | undefined {
  if (!name || !signature) return undefined;
  const expected = Buffer.from(nameSignature(serverKeys(), invitationId, name));
  const actual = Buffer.from(signature);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? name : undefined;
}

/** The name's signature, for links that carry a name on to an invitation link (calendar links). */
export function nameProof(invitationId: string, name: string): string {
  return nameSignature(serverKeys(), invitationId, name);
}

/** The organizer's link: whoever has it may name the conference as they like, so it carries no signature. */
export function adminUrl(base: string, adminId: string, name?: string): string {
  const url = new URL(`${base}/a/${adminId}`);
  if (name) url.searchParams.set("n", name);
  return url.href;
}
