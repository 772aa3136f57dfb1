import { describe, expect, it } from "vitest";
import { scrubLogText } from "./log-lines";

describe("a log line", () => {
  it("keeps no capability link's id and no query, as Next writes them", () => {
    expect(scrubLogText("Error: Request body exceeded 10MB for /a/k3j4h5g6f7d8s9a0q1w2e3r4t5?n=Secret+Board+Meeting+of+Jane+Doe")).toBe(
      "Error: Request body exceeded 10MB for /a/…",
    );
    expect(scrubLogText(`The requested resource isn't a valid image for /a/abc received text/html`)).toBe(
      "The requested resource isn't a valid image for /a/… received text/html",
    );
    expect(scrubLogText("GET http://planado.example/i/abcdef/join?lang=de&n=Choir&sig=x 500")).toBe("GET http://planado.example/i/… 500");
    expect(scrubLogText('"/calendar/feed/abc.ics?n=x" and /calendar/x.ics and /api/v1/conferences/abc')).toBe(
      '"/calendar/feed/…" and /calendar/… and /api/v1/conferences/…',
    );
    expect(scrubLogText("/api/v1/invitations/abc")).toBe("/api/v1/invitations/…");
  });

  it("keeps no link quoted, percent-encoded, inside another's query", () => {
    expect(scrubLogText("upstream image for url=%2Fa%2Fk3j4h5g6f7d8s9a0q1w2e3r4t5%3Fn%3DJane%2BDoe failed")).toBe("upstream image for url=%2Fa%2F… failed");
    expect(scrubLogText("x %2fcalendar%2ffeed%2fabc.ics y")).toBe("x %2fcalendar%2ffeed%2f… y");
    expect(scrubLogText("next=%2Fsomewhere%3Fn%3DJane")).toBe("next=%2Fsomewhere%3F…");
    expect(scrubLogText("100% done")).toBe("100% done");
  });

  it("keeps what names no id: file paths of the code, other paths, plain text", () => {
    const stack = "    at Page (/srv/planado/.next/server/app/a/[adminId]/page.js:1:200)";
    expect(scrubLogText(stack)).toBe(stack);
    expect(scrubLogText("[planado] cleanup: deleted 3, moved 1 to their next meeting")).toBe("[planado] cleanup: deleted 3, moved 1 to their next meeting");
    expect(scrubLogText("GET /api/v1/conferences 201 and /api/health")).toBe("GET /api/v1/conferences 201 and /api/health");
    expect(scrubLogText("Ready? Yes.")).toBe("Ready? Yes.");
  });
});
