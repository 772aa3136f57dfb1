/** Responses of the calendar routes: the file itself, or a short page saying why there is none. */
import { fileSlug } from "@/lib/calendar/event";

/** RFC 5987 encoding for filename*: every byte outside the safe set, ' ( ) * included. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function calendarResponse(calendar: string, name: string): Response {
  const bytes = new TextEncoder().encode(calendar);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // An ASCII name for every client, the real one for those that read filename*.
      "Content-Disposition": `attachment; filename="${fileSlug(name)}.ics"; filename*=UTF-8''${rfc5987(name)}.ics`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}

const REASONS = {
  unsigned: "This calendar link is incomplete: it has no signature. Copy the whole link from the invitation.",
  forged: "This calendar link was changed or does not come from this Planado. Ask the organizer for the invitation again.",
  malformed: "This calendar link is damaged. Copy the whole link from the invitation.",
  notFound: "There is no calendar here.",
} as const;

/** A plain page (not a file) explaining why the link does not work. */
export function calendarError(reason: keyof typeof REASONS, status = 400): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Calendar link not valid · Planado</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><h1>No calendar file</h1><p>${REASONS[reason]}</p><p><a href="/">Planado</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" },
  });
}
