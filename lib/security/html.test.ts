import { describe, expect, it } from "vitest";
import { escapeHtml, plainPage } from "./html";

describe("escapeHtml", () => {
  it("leaves no markup, attribute break-out or entity", () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe("&#60;script&#62;&#34;a&#34; &#38; &#39;b&#39;&#60;/script&#62;");
    expect(escapeHtml("Grüße – „gut“")).toBe("Grüße – „gut“");
  });
});

describe("plainPage", () => {
  it("escapes what it is given and styles itself only with a well-formed nonce", () => {
    const page = plainPage({ locale: "de", title: "<b>", text: "a & b", homeHref: '/?lang=de"x', nonce: "abc+/=" });
    expect(page).toContain('<html lang="de">');
    expect(page).toContain("<h1>&#60;b&#62;</h1><p>a &#38; b</p>");
    expect(page).toContain('<a href="/?lang=de&#34;x">');
    expect(page).toContain('<style nonce="abc+/=">');
    expect(plainPage({ locale: "en", title: "t", text: "x", nonce: 'x"><script>' })).not.toContain("<style");
    expect(plainPage({ locale: "en", title: "t", text: "x", refreshSeconds: 10 })).toContain('<meta http-equiv="refresh" content="10">');
  });
});
