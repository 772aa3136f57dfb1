import { describe, expect, it } from "vitest";
import { escapeHtml } from "./html";

describe("escapeHtml", () => {
  it("leaves no markup, attribute break-out or entity", () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe("&#60;script&#62;&#34;a&#34; &#38; &#39;b&#39;&#60;/script&#62;");
    expect(escapeHtml("Grüße – „gut“")).toBe("Grüße – „gut“");
  });
});
