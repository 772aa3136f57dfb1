import { describe, expect, it } from "vitest";
import { nameSignature } from "../keys/derive";
import { serverKeys } from "../keys/server-secret";
import { NAME_MAX_LENGTH } from "./limits";
import { invitationHref, invitationPath, invitationUrl, MAX_INVITATION_QUERY_LENGTH, pageQuery, readInvitationQuery, signedName } from "./links";

const id = "abcdefghijklmnopqrstuvwxyz";
const queryOf = (url: string) => new URL(url, "http://planado.test").searchParams;

describe("the longest invitation link", () => {
  it("fits the longest query an invitation page reads, with room to spare", () => {
    // Four bytes a character, each written %XX%XX%XX%XX: the longest a name of single characters gets.
    const url = new URL(invitationUrl("https://planado.example", id, "\u{1F600}".repeat(NAME_MAX_LENGTH)));
    url.searchParams.set("lang", "ar");
    expect(url.search.length).toBe(2427);
    expect(MAX_INVITATION_QUERY_LENGTH).toBeGreaterThan(url.search.length * 1.5);
    expect(signedName(id, url.searchParams)).toBe("\u{1F600}".repeat(NAME_MAX_LENGTH));
    expect(invitationPath(id, url.searchParams)).toBe(`/i/${id}${withLangFirst(url.search)}`);
  });
});

function withLangFirst(search: string): string {
  const query = new URLSearchParams(search);
  const lang = query.get("lang")!;
  query.delete("lang");
  return `?lang=${lang}&${query}`;
}

describe("what an invitation page reads from its query", () => {
  it("is the name with its signature and the language, nothing else", () => {
    const query = queryOf(`?utm_source=${"x".repeat(300)}&n=Choir&lang=de&sig=abc&n=Other&lang=fr&x=1`);
    expect(readInvitationQuery(query)).toEqual({ named: { n: "Choir", sig: "abc" }, lang: "de" });
    expect(readInvitationQuery(queryOf("?n=Choir&lang=xx"))).toEqual({ named: undefined, lang: undefined });
    expect(invitationPath(id, query)).toBe(`/i/${id}?lang=de&n=Choir&sig=abc`);
    expect(invitationHref(id, {})).toBe(`/i/${id}`);
  });

  it("drops a name too long for any link Planado makes, keeping the language", () => {
    const query = queryOf(`?lang=pl&n=${"x".repeat(MAX_INVITATION_QUERY_LENGTH)}&sig=abc`);
    expect(invitationPath(id, query)).toBe(`/i/${id}?lang=pl`);
  });

  it("goes on into the page's links only as a name Planado signed, with today's signature", () => {
    const signed = readInvitationQuery(queryOf(new URL(invitationUrl("http://x", id, "Choir")).search));
    expect(pageQuery(id, { ...signed, lang: "it" })).toEqual({ query: { ...signed, lang: "it" }, name: "Choir" });
    for (const named of [
      { n: "Choir", sig: "forged12345" },
      { n: "Choir!", sig: signed.named!.sig },
      { n: "", sig: signed.named!.sig },
    ]) {
      expect(pageQuery(id, { named }), named.n).toEqual({ query: { named: undefined, lang: undefined } });
    }
    expect(pageQuery("bcdefghijklmnopqrstuvwxyza", signed)).toEqual({ query: { named: undefined, lang: undefined } });
  });
});

describe("links handed out before names lost their invisible characters", () => {
  // Such a link carries the name as names were cleaned then, invisible characters and all, signed so.
  const old = "Team\u200Bsync \u2060\u{E0041}";
  const oldLink = `?${new URLSearchParams({ n: old, sig: nameSignature(serverKeys(), id, old) })}`;

  it("still open, with the name cleaned, and the page links on with today's signature", () => {
    expect(signedName(id, queryOf(oldLink))).toBe("Teamsync");
    const { query, name } = pageQuery(id, readInvitationQuery(queryOf(oldLink)));
    expect(name).toBe("Teamsync");
    expect(query.named).toEqual({ n: "Teamsync", sig: new URL(invitationUrl("http://x", id, "Teamsync")).searchParams.get("sig") });
    expect(signedName(id, new URLSearchParams(query.named))).toBe("Teamsync");
  });

  it("are no way to have another name signed", () => {
    const sig = nameSignature(serverKeys(), id, old);
    for (const n of ["Team\u200Bsync", "Teamsync", "Team\u200Bsync \u2060", "Evil\u200B"])
      expect(signedName(id, new URLSearchParams({ n, sig })), n).toBeUndefined();
  });
});
