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
    expect(page).toContain('<html lang="de" dir="ltr">');
    expect(page).toContain("<h1>&#60;b&#62;</h1><p>a &#38; b</p>");
    expect(page).toContain('<a href="/?lang=de&#34;x">');
    expect(page).toContain('<style nonce="abc+/=">');
    expect(plainPage({ locale: "en", title: "t", text: "x", nonce: 'x"><script>' })).not.toContain("<style");
    expect(plainPage({ locale: "en", title: "t", text: "x", refreshSeconds: 10 })).toContain('<meta http-equiv="refresh" content="10">');
  });

  it("tries again by a script where scripts run, and by a <meta> refresh only without script", () => {
    const page = plainPage({ locale: "en", title: "t", text: "x", refreshSeconds: 10, nonce: "abc" });
    expect(page).toContain('<noscript><meta http-equiv="refresh" content="10"></noscript>');
    expect(page).toContain('<script nonce="abc">setTimeout(function(){location.reload()},10000)</script>');
    expect(page.replace(/<noscript>.*?<\/noscript>/, "")).not.toContain("http-equiv");
  });

  it("runs right to left in a language written that way", () => {
    expect(plainPage({ locale: "ar", title: "t", text: "x" })).toContain('<html lang="ar" dir="rtl">');
    expect(plainPage({ locale: 'x"', title: "t", text: "x" })).toContain('<html lang="x&#34;" dir="ltr">');
  });
});
