/**
 * The links Planado hands out. The name rides along in `?n=` because it is never stored; in an
 * invitation link it is signed (`sig`), so nobody can make Planado show, or sign into a calendar,
 * text of their choosing under a real invitation: a name without its signature is not shown.
 */
import { timingSafeEqual } from "node:crypto";
import { nameSignature } from "../keys/derive";
import { serverKeys } from "../keys/server-secret";
import { isLocale, withLocale } from "../i18n/locales";
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
 * The invitation's own address, for a page that reloads it: its path with only what the page reads
 * from the query (the language, the name with its signature), never whatever else the query held.
 */
export function invitationPath(invitationId: string, query: URLSearchParams): string {
  const name = query.get("n");
  const signature = query.get("sig");
  const path = `/i/${encodeURIComponent(invitationId)}`;
  const named = name !== null && signature !== null ? `${path}?${new URLSearchParams({ n: name, sig: signature })}` : path;
  const lang = query.get("lang");
  return isLocale(lang) ? withLocale(named, lang) : named;
}

/**
 * The name an invitation link carries, if it is the one Planado signed for this invitation (cleaned
 * as every name is); undefined when there is none, or it was changed.
 */
export function signedName(invitationId: string, query: URLSearchParams): string | undefined {
  return nameIfSigned(invitationId, nameFromLink(query.get("n") ?? undefined), query.get("sig"));
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
